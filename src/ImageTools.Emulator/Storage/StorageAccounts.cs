using System.Buffers.Binary;
using System.Text.Json.Nodes;
using ImageTools.Emulator.Arm;
using ImageTools.Emulator.Resources;
using ImageTools.Emulator.State;

namespace ImageTools.Emulator.Storage;

/// <summary>
/// Microsoft.Storage/storageAccounts as far as a disk import from a blob reads them: GET of an account
/// (its location and primaryEndpoints.blob, here <c>{emulator}/_storage/{account}/</c>) and the list
/// of a group. Accounts and their blobs are placed through the control API (/_emulator/storageaccounts);
/// the blobs answer at <see cref="StorageBlobEndpoint"/>. A disk PUT with createOption Import is checked
/// here as ARM checks it: the account, the region, and the blob's VHD footer.
/// </summary>
internal static class StorageAccounts
{
    public const string Ns = "Microsoft.Storage";
    public const string Type = "Microsoft.Storage/storageAccounts";
    private const string Rg = "/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Storage";

    public static void Map(ArmRouter r)
    {
        r.Get(Rg + "/storageAccounts/{name}", c => ArmResponse.Ok(Tracked.Require(c, Tracked.RouteId(c, Ns, "storageAccounts", "name")).Body));
        r.Get(Rg + "/storageAccounts", c => Tracked.ListIn(c, Type, c.R("rg")));
    }

    /// <summary>The body ARM returns for an account (api-version 2023-05-01 shape, the parts a reader uses).</summary>
    public static ArmResource Create(EmulatorState state, Uri baseUri, string rg, string name, string location)
    {
        var id = ResourceId.Build(state.SubscriptionId, rg, Ns, ("storageAccounts", name));
        var body = new JsonObject
        {
            ["id"] = id, ["name"] = name, ["type"] = Type, ["location"] = location, ["kind"] = "StorageV2",
            ["sku"] = new JsonObject { ["name"] = "Standard_LRS", ["tier"] = "Standard" },
            ["tags"] = new JsonObject(),
            ["properties"] = new JsonObject
            {
                ["provisioningState"] = "Succeeded",
                ["primaryLocation"] = location,
                ["statusOfPrimary"] = "available",
                ["allowBlobPublicAccess"] = false,
                ["primaryEndpoints"] = new JsonObject { ["blob"] = BlobEndpoint(baseUri, name) },
            },
        };
        var resource = new ArmResource(ResourceId.TryParse(id)!, body) { Storage = new StorageAccountRuntime() };
        state.Put(resource);
        return resource;
    }

    public static string BlobEndpoint(Uri baseUri, string account) => $"{baseUri}_storage/{account}/";

    /// <summary>The account whose name is the first segment of a /_storage/ path.</summary>
    public static ArmResource? FindByName(EmulatorState state, string name) =>
        state.Resources.Values.FirstOrDefault(r => r.Storage is not null && r.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// createOption Import: storageAccountId names an existing account, sourceUri a blob of it in the
    /// disk's region, and the blob holds a fixed VHD whose virtual size is a whole number of MiB
    /// (ARM's texts: "The source blob … does not belong to the same region as the disk.", "Only blobs
    /// formatted as VHDs can be imported.", InvalidVhd for a footer without the conectix cookie).
    /// Returns the size of the disk in GiB.
    /// </summary>
    public static long CheckImport(ArmContext c, JsonObject creation, string diskName, string location)
    {
        var sourceUri = creation.Str("sourceUri") ?? throw ArmErrors.InvalidParameter("Required parameter 'creationData.sourceUri' is missing (null).", "creationData.sourceUri").AsException();
        var accountId = creation.Str("storageAccountId") ?? throw ArmErrors.InvalidParameter("Required parameter 'creationData.storageAccountId' is missing (null).", "creationData.storageAccountId").AsException();
        var rid = ResourceId.TryParse(accountId);
        if (rid is null || !rid.Is(Type)) throw ArmErrors.LinkedInvalidPropertyId(accountId).AsException();
        var account = c.State.Find(rid) ?? throw ArmErrors.ResourceNotFound(Tracked.TypeAndName(rid), rid.ResourceGroup).AsException();
        var endpoint = account.Properties.Str("primaryEndpoints", "blob") ?? "";
        if (!Uri.TryCreate(sourceUri, UriKind.Absolute, out var uri) || !sourceUri.StartsWith(endpoint, StringComparison.OrdinalIgnoreCase))
            throw ArmErrors.InvalidParameter($"The source blob {sourceUri} is not in storage account '{account.Name}'.", "creationData.sourceUri").AsException();
        if (!string.Equals(account.Location, location, StringComparison.OrdinalIgnoreCase))
            throw ArmErrors.BadRequest($"The source blob {uri.GetLeftPart(UriPartial.Path)} does not belong to the same region as the disk.").AsException();
        var path = Uri.UnescapeDataString(uri.AbsolutePath.Substring(new Uri(endpoint).AbsolutePath.Length)).Split('/', 2);
        var blob = path.Length == 2 ? account.Storage!.Find(path[0], path[1]) : null;
        if (blob is null)
            throw ArmErrors.BadRequest($"The source blob {uri.GetLeftPart(UriPartial.Path)} does not exist.").AsException();
        var footer = blob.Footer.AsSpan();
        if (blob.BlobType != "PageBlob" || blob.Length < 512)
            throw NotVhd();
        if (!footer[..8].SequenceEqual("conectix"u8))
            throw new ArmError(400, "InvalidVhd", $"The specified cookie value in VHD footer indicates that disk '{diskName}' with blob {uri.GetLeftPart(UriPartial.Path)} is not a supported VHD. Disk is expected to have cookie value 'conectix'.").AsException();
        var virtualSize = BinaryPrimitives.ReadInt64BigEndian(footer[48..]);
        if (BinaryPrimitives.ReadUInt32BigEndian(footer[60..]) != 2 || virtualSize != blob.Length - 512 || virtualSize % (1024 * 1024) != 0)
            throw NotVhd();
        return (virtualSize + (1L << 30) - 1) >> 30;
    }

    private static ArmException NotVhd() => ArmErrors.BadRequest("Only blobs formatted as VHDs can be imported.").AsException();
}
