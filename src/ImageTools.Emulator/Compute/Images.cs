using System.Text.Json.Nodes;
using ImageTools.Emulator.Arm;
using ImageTools.Emulator.Resources;
using ImageTools.Emulator.State;

namespace ImageTools.Emulator.Compute;

/// <summary>Microsoft.Compute/images (2023-07-01): managed images from a generalized VM, a snapshot, a disk or a blob.</summary>
internal static class Images
{
    public const string Type = "Microsoft.Compute/images";
    private const string Ns = "Microsoft.Compute";
    private const string Rg = "/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Compute";

    public static void Map(ArmRouter r)
    {
        r.Put(Rg + "/images/{name}", Put);
        r.Patch(Rg + "/images/{name}", c =>
        {
            var image = Tracked.Require(c, Id(c));
            if (c.Body["tags"] is JsonObject tags) image.Body["tags"] = tags.DeepClone();
            return Tracked.PutLro(c, image, false, "imageUpdate");
        });
        r.Get(Rg + "/images/{name}", c => ArmResponse.Ok(Tracked.Require(c, Id(c)).Body));
        r.Get(Rg + "/images", c => Tracked.ListIn(c, Type, c.R("rg")));
        r.Get("/subscriptions/{sub}/providers/Microsoft.Compute/images", c => Tracked.ListIn(c, Type, null));
        r.Delete(Rg + "/images/{name}", c => Tracked.DeleteOrNoContent(c, Id(c), image => Tracked.DeleteLro(c, image, "imageDelete")));
    }

    private static ResourceId Id(ArmContext c) => Tracked.RouteId(c, Ns, "images", "name");

    private sealed record Source(string Kind, string Id, string OsType, string OsState, string HyperVGeneration, string? SecurityType, long SizeGb, JsonArray DataDisks, string OsName)
    {
        public string? OsDiskId { get; init; }
        /// <summary>Why a VM made from this source will not boot (an uploaded disk whose footer is not a fixed VHD's).</summary>
        public string? BootProblem { get; init; }
    }

    private static ArmResponse Put(ArmContext c)
    {
        var rid = Id(c);
        c.State.RequireResourceGroup(rid.ResourceGroup);
        Tracked.ValidateName(rid.Name, 80, ch => char.IsLetterOrDigit(ch) || ch is '_' or '.' or '-',
            () => new ArmError(400, "InvalidParameter", $"The image name '{rid.Name}' is invalid. It can be 1-80 characters: alphanumerics, underscores, periods and hyphens, starting with an alphanumeric and ending with an alphanumeric or underscore.", "imageName"), badEnd: ".-");
        var body = c.Body;
        var location = Tracked.RequireLocation(body, Type);
        var requested = body["properties"] as JsonObject ?? Json.NewObject();
        var source = ResolveSource(c, requested, location);

        var requestedGen = requested.Str("hyperVGeneration");
        if (requestedGen is not null && !requestedGen.Equals(source.HyperVGeneration, StringComparison.OrdinalIgnoreCase))
            throw ArmErrors.ImageHyperVMismatch(requestedGen, source.HyperVGeneration == "V2" ? "Gen2" : "Gen1", source.Kind).AsException();
        if (source.SecurityType is "TrustedLaunch" or "ConfidentialVM")
            throw ArmErrors.ManagedImageFromTrustedLaunch(source.SecurityType).AsException();

        var existing = c.State.Find(rid);
        if (existing is not null)
        {
            var previousSource = existing.Properties.Str("sourceVirtualMachine", "id") ?? existing.Properties.Str("storageProfile", "osDisk", "managedDisk", "id")
                ?? existing.Properties.Str("storageProfile", "osDisk", "snapshot", "id") ?? existing.Properties.Str("storageProfile", "osDisk", "blobUri");
            if (!string.Equals(ResourceId.Key(previousSource ?? ""), ResourceId.Key(source.Id), StringComparison.Ordinal))
                throw ArmErrors.PropertyChangeNotAllowed(source.Kind == "sourceVirtualMachine" ? "sourceVirtualMachine" : "storageProfile.osDisk").AsException();
            if (body["tags"] is JsonObject tags) existing.Body["tags"] = tags.DeepClone();
            return Tracked.PutLro(c, existing, false, "imageUpdate");
        }

        var properties = Json.CloneObject(requested);
        var storage = properties.Obj("storageProfile");
        var osDisk = storage.Obj("osDisk");
        osDisk["osType"] = source.OsType;
        osDisk["osState"] = source.OsState;
        osDisk["caching"] ??= "ReadWrite";
        osDisk["storageAccountType"] ??= "Standard_LRS";
        osDisk["diskSizeGB"] ??= source.SizeGb;
        if (source.OsDiskId is not null) osDisk["managedDisk"] = new JsonObject { ["id"] = source.OsDiskId };
        if (storage["dataDisks"] is not JsonArray) storage["dataDisks"] = source.DataDisks;
        storage["zoneResilient"] ??= false;
        properties["hyperVGeneration"] = source.HyperVGeneration;
        var image = new ArmResource(rid, Tracked.NewBody(rid, location, Tracked.Tags(body), properties));
        image.Extra["osName"] = source.OsName;
        if (source.BootProblem is not null) image.Extra[Disk.UploadRuntime.FooterProblemKey] = source.BootProblem;
        c.State.Put(image);
        return Tracked.PutLro(c, image, true, "imageCreate");
    }

    private static Source ResolveSource(ArmContext c, JsonObject properties, string location)
    {
        if (properties.Str("sourceVirtualMachine", "id") is string vmId)
        {
            var vmRid = ResourceId.TryParse(vmId);
            var vm = c.State.Find(vmId);
            if (vm?.Vm is null) throw ArmErrors.ResourceNotFound(vmRid is null ? vmId : Tracked.TypeAndName(vmRid), vmRid?.ResourceGroup ?? "").AsException();
            var rt = vm.Vm;
            if (vm.Location != location)
                throw ArmErrors.InvalidParameter($"The source virtual machine '{vm.Id}' is in region '{vm.Location}', which is different from the image region '{location}'.", "sourceVirtualMachine").AsException();
            if (rt.SecurityType is "TrustedLaunch" or "ConfidentialVM") throw ArmErrors.ManagedImageFromTrustedLaunch(rt.SecurityType).AsException();
            if (!rt.Generalized) throw ArmErrors.CreateImageRequiresGeneralized(vm.Name).AsException();
            if (rt.Unmanaged) throw ArmErrors.ImageSourceUnmanagedVm(vm.Name).AsException();
            var osDiskId = vm.Properties.Str("storageProfile", "osDisk", "managedDisk", "id") ?? "";
            var vmDataDisks = new JsonArray(vm.Properties.Objects("storageProfile", "dataDisks").Select(d => (JsonNode)new JsonObject
            {
                ["lun"] = d.Long("lun"),
                ["managedDisk"] = new JsonObject { ["id"] = d.Str("managedDisk", "id") },
                ["caching"] = d.Str("caching") ?? "None",
                ["storageAccountType"] = d.Str("managedDisk", "storageAccountType") ?? "Standard_LRS",
                ["diskSizeGB"] = d.Long("diskSizeGB"),
            }).ToArray());
            return new Source("sourceVirtualMachine", vm.Id, rt.OsType, "Generalized", rt.HyperVGeneration, rt.SecurityType,
                vm.Properties.Long("storageProfile", "osDisk", "diskSizeGB") ?? 127, vmDataDisks, rt.OsName) { OsDiskId = osDiskId };
        }

        var osDisk = properties.At("storageProfile", "osDisk") as JsonObject ?? throw ArmErrors.ImageSourceRequired().AsException();
        var osType = osDisk.Str("osType") ?? throw ArmErrors.ImageOsTypeRequired().AsException();
        var osState = osDisk.Str("osState") ?? throw ArmErrors.ImageOsStateRequired().AsException();
        if (!osState.Equals("Generalized", StringComparison.OrdinalIgnoreCase) && !osState.Equals("Specialized", StringComparison.OrdinalIgnoreCase))
            throw ArmErrors.EnumValueInvalid(osState, "osState", "Generalized", "Specialized").AsException();
        // Managed images are generalized only; a specialized OS disk belongs in a gallery (Specialized definition).
        if (osState.Equals("Specialized", StringComparison.OrdinalIgnoreCase))
            throw ArmErrors.ImageOsStateSpecialized().AsException();
        var canonicalState = "Generalized";
        var dataDisks = properties.At("storageProfile", "dataDisks") is JsonArray dd ? (JsonArray)dd.DeepClone() : new JsonArray();
        foreach (var (kind, id) in new[] { ("snapshot", osDisk.Str("snapshot", "id")), ("managedDisk", osDisk.Str("managedDisk", "id")) })
        {
            if (id is null) continue;
            var rid = ResourceId.TryParse(id);
            var resource = c.State.Find(id);
            if (resource is null || !(resource.Rid.Is(Disk.Disks.DiskType) || resource.Rid.Is(Disk.Disks.SnapshotType)))
                throw ArmErrors.ResourceNotFound(rid is null ? id : Tracked.TypeAndName(rid), rid?.ResourceGroup ?? "").AsException();
            return new Source(kind, resource.Id, ImageSources.Canon(osType), canonicalState, resource.Properties.Str("hyperVGeneration") ?? "V1",
                Disk.Disks.VmSecurityType(resource.Properties.Str("securityProfile", "securityType")), resource.Properties.Long("diskSizeGB") ?? 127, dataDisks, "")
            { BootProblem = resource.Extra.GetValueOrDefault(Disk.UploadRuntime.FooterProblemKey) };
        }
        if (osDisk.Str("blobUri") is string blob)
            return new Source("blobUri", blob, ImageSources.Canon(osType), canonicalState, properties.Str("hyperVGeneration") ?? "V1", null, osDisk.Long("diskSizeGB") ?? 127, dataDisks, "");
        throw ArmErrors.ImageSourceRequired().AsException();
    }
}
