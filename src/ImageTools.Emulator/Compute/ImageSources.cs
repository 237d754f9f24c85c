using System.Text.Json.Nodes;
using ImageTools.Emulator.Arm;
using ImageTools.Emulator.State;

namespace ImageTools.Emulator.Compute;

/// <summary>What a VM is created from, resolved from its storageProfile.</summary>
internal sealed class VmImageSource
{
    public required string Kind { get; init; }            // marketplace | image | gallery | attach
    public required string OsType { get; init; }
    public required string OsState { get; init; }         // Generalized | Specialized
    public required string HyperVGeneration { get; init; }
    /// <summary>Security type the source demands of the VM (TrustedLaunch / ConfidentialVM), or null.</summary>
    public string? RequiredSecurityType { get; init; }
    public bool TrustedLaunchCapable { get; init; }
    public bool ConfidentialCapable { get; init; }
    public required JsonObject ImageReference { get; init; }
    public string OsName { get; init; } = "";
    public string OsVersion { get; init; } = "";
    public int OsDiskSizeGb { get; init; } = 127;
    public List<(int Lun, int SizeGb)> DataDisks { get; init; } = new();
    /// <summary>creationData of the OS disk made from this source.</summary>
    public JsonObject? DiskCreationData { get; init; }
    public ArmResource? AttachedDisk { get; init; }
    /// <summary>Why the OS disk made from this source does not boot (an uploaded VHD without a valid fixed footer), or null.</summary>
    public string? BootProblem { get; init; }
}

internal static class ImageSources
{
    public static VmImageSource ResolveForVm(ArmContext c, JsonObject storageProfile, string location)
    {
        var reference = storageProfile["imageReference"] as JsonObject;
        var osDisk = storageProfile["osDisk"] as JsonObject;
        var createOption = osDisk.Str("createOption") ?? "FromImage";

        if (createOption.Equals("Attach", StringComparison.OrdinalIgnoreCase))
        {
            var diskId = osDisk.Str("managedDisk", "id");
            if (diskId is null)
            {
                var osType = osDisk.Str("osType") ?? throw ArmErrors.InvalidParameter("Required parameter 'osDisk.osType' is missing (null).", "osDisk.osType").AsException();
                return new VmImageSource { Kind = "attach", OsType = Canon(osType), OsState = "Specialized", HyperVGeneration = "V1", ImageReference = Json.NewObject(), OsName = osType };
            }
            var disk = c.State.Find(diskId) ?? throw ArmErrors.ResourceNotFound("Microsoft.Compute/disks/" + diskId.Split('/')[^1], ResourceId.TryParse(diskId)?.ResourceGroup ?? "").AsException();
            if (disk.Body.Str("managedBy") is string owner && c.State.Find(owner) is not null)
                throw ArmErrors.DiskAlreadyAttached(disk.Name, owner).AsException();
            Disk.Disks.RequireAttachable(disk);
            var security = Disk.Disks.VmSecurityType(disk.Properties.Str("securityProfile", "securityType"));
            return new VmImageSource
            {
                Kind = "attach", OsType = Canon(disk.Properties.Str("osType") ?? "Windows"), OsState = "Specialized",
                HyperVGeneration = disk.Properties.Str("hyperVGeneration") ?? "V1", ImageReference = Json.NewObject(),
                TrustedLaunchCapable = disk.Properties.Str("hyperVGeneration") == "V2", ConfidentialCapable = security == "ConfidentialVM",
                RequiredSecurityType = security is "TrustedLaunch" or "ConfidentialVM" ? security : null,
                OsDiskSizeGb = (int)(disk.Properties.Long("diskSizeGB") ?? 127), AttachedDisk = disk,
                BootProblem = disk.Extra.GetValueOrDefault(Disk.UploadRuntime.FooterProblemKey),
            };
        }

        if (reference is null) throw ArmErrors.ImageReferenceMissing().AsException();
        var id = reference.Str("id") ?? reference.Str("sharedGalleryImageId") ?? reference.Str("communityGalleryImageId");
        if (id is not null) return FromId(c, id, location);

        var image = Marketplace.Find(reference.Str("publisher"), reference.Str("offer"), reference.Str("sku"));
        var requested = reference.Str("version") ?? "latest";
        var urn = $"{reference.Str("publisher")}:{reference.Str("offer")}:{reference.Str("sku")}:{requested}";
        if (image is null) throw ArmErrors.PlatformImageNotFound(urn, location).AsException();
        var exact = Marketplace.Resolve(image, requested) ?? throw ArmErrors.PlatformImageNotFound(urn, location).AsException();
        var imageRef = Json.NewObject();
        imageRef["publisher"] = reference.Str("publisher");
        imageRef["offer"] = reference.Str("offer");
        imageRef["sku"] = reference.Str("sku");
        imageRef["version"] = requested;
        imageRef["exactVersion"] = exact;
        return new VmImageSource
        {
            Kind = "marketplace", OsType = image.OsType, OsState = "Generalized", HyperVGeneration = image.HyperVGeneration,
            TrustedLaunchCapable = image.TrustedLaunchSupported, ConfidentialCapable = image.ConfidentialSupported,
            ImageReference = imageRef, OsName = image.OsName, OsVersion = image.OsVersion, OsDiskSizeGb = image.OsType == "Windows" ? 127 : 30,
            DiskCreationData = new JsonObject
            {
                ["createOption"] = "FromImage",
                ["imageReference"] = new JsonObject { ["id"] = $"/Subscriptions/{c.State.SubscriptionId}/Providers/Microsoft.Compute/Locations/{location}/Publishers/{image.Publisher}/ArtifactTypes/VMImage/Offers/{image.Offer}/Skus/{image.Sku}/Versions/{exact}" },
            },
        };
    }

    private static VmImageSource FromId(ArmContext c, string id, string location)
    {
        var rid = ResourceId.TryParse(id) ?? throw ArmErrors.InvalidParameter($"The value '{id}' of parameter 'imageReference.id' is not a valid resource id.", "imageReference.id").AsException();
        if (rid.Is(Images.Type))
        {
            var image = c.State.Find(rid);
            if (image is null || image.Location != location || image.ProvisioningState != "Succeeded")
                throw ArmErrors.ManagedImageNotFound(rid.Format(), location).AsException();
            var osDisk = image.Properties.At("storageProfile", "osDisk");
            var dataDisks = image.Properties.Objects("storageProfile", "dataDisks").Select(d => ((int)(d.Long("lun") ?? 0), (int)(d.Long("diskSizeGB") ?? 32))).ToList();
            var gen = image.Properties.Str("hyperVGeneration") ?? "V1";
            var imageRef = Json.NewObject();
            imageRef["id"] = image.Id;
            return new VmImageSource
            {
                Kind = "image", OsType = Canon(osDisk.Str("osType") ?? "Windows"), OsState = osDisk.Str("osState") ?? "Generalized",
                HyperVGeneration = gen, TrustedLaunchCapable = gen == "V2", ImageReference = imageRef,
                OsName = image.Extra.GetValueOrDefault("osName") ?? "", OsVersion = "",
                OsDiskSizeGb = (int)(osDisk.Long("diskSizeGB") ?? 127), DataDisks = dataDisks,
                DiskCreationData = new JsonObject { ["createOption"] = "FromImage", ["imageReference"] = new JsonObject { ["id"] = image.Id } },
                BootProblem = image.Extra.GetValueOrDefault(Disk.UploadRuntime.FooterProblemKey),
            };
        }
        if (rid.Is(Galleries.ImageType) || rid.Is(Galleries.VersionType))
        {
            var definitionId = rid.Is(Galleries.VersionType) ? rid.Parent! : rid;
            var definition = c.State.Find(definitionId) ?? throw ArmErrors.GalleryImageNotAvailable(rid.Format(), location).AsException();
            var version = rid.Is(Galleries.VersionType) ? c.State.Find(rid) : Galleries.LatestVersion(c.State, definition, location);
            if (version is null || !Galleries.IsAvailableIn(version, location, c.State.Now))
                throw ArmErrors.GalleryImageNotAvailable(rid.Format(), location).AsException();
            var dp = definition.Properties;
            var securityType = Galleries.SecurityType(definition);
            var imageRef = Json.NewObject();
            imageRef["id"] = rid.Format();
            imageRef["exactVersion"] = version.Name;
            var gen = dp.Str("hyperVGeneration") ?? "V1";
            return new VmImageSource
            {
                Kind = "gallery", OsType = Canon(dp.Str("osType") ?? "Windows"), OsState = dp.Str("osState") ?? "Generalized",
                HyperVGeneration = gen,
                RequiredSecurityType = securityType is "TrustedLaunch" or "ConfidentialVM" ? securityType : null,
                TrustedLaunchCapable = gen == "V2" && securityType is "TrustedLaunch" or "TrustedLaunchSupported" or "TrustedLaunchAndConfidentialVmSupported",
                ConfidentialCapable = securityType is "ConfidentialVM" or "ConfidentialVmSupported" or "TrustedLaunchAndConfidentialVmSupported",
                ImageReference = imageRef,
                OsName = version.Extra.GetValueOrDefault("osName") ?? "", OsVersion = "",
                OsDiskSizeGb = (int)(version.Properties.Long("storageProfile", "osDiskImage", "sizeInGB") ?? 127),
                DataDisks = version.Properties.Objects("storageProfile", "dataDiskImages").Select(d => ((int)(d.Long("lun") ?? 0), (int)(d.Long("sizeInGB") ?? 32))).ToList(),
                DiskCreationData = new JsonObject { ["createOption"] = "FromImage", ["galleryImageReference"] = new JsonObject { ["id"] = version.Id } },
            };
        }
        throw ArmErrors.InvalidParameter($"The value '{id}' of parameter 'imageReference.id' is not a supported image resource id.", "imageReference.id").AsException();
    }

    public static string Canon(string osType) => osType.Equals("linux", StringComparison.OrdinalIgnoreCase) ? "Linux" : "Windows";
}
