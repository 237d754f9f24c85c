using System;
using System.Collections.Generic;
using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Requests;

namespace ImageTools.Engine.Rules.Deploy
{
    /// <summary>What New-VmFromImage's source is.</summary>
    internal enum DeploySourceKind
    {
        ManagedImage,
        GalleryVersion,
        /// <summary>A gallery image definition: the latest eligible version is used.</summary>
        GalleryDefinition,
    }

    /// <summary>The source as read. Empty strings mean "the source does not say".</summary>
    internal sealed class DeploySource
    {
        public DeploySourceKind Kind { get; set; }
        /// <summary>The id as named (image, version or definition).</summary>
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public bool Exists { get; set; }
        /// <summary>The image's region, or the gallery's.</summary>
        public string Location { get; set; } = "";
        public string OsType { get; set; } = "";
        public string OsState { get; set; } = "Generalized";
        public string HyperVGeneration { get; set; } = "";
        /// <summary>The definition's SecurityType feature (Standard, TrustedLaunch, ConfidentialVM, ...Supported).</summary>
        public string SecurityType { get; set; } = "Standard";

        /// <summary>The image or gallery version the VMs are created from; empty when none fits the target location.</summary>
        public string ImageId { get; set; } = "";

        /// <summary>Regions where the source can be used: the image's region, or the regions a version has Completed.</summary>
        public List<string> AvailableIn { get; set; } = new List<string>();

        /// <summary>Gallery sources: each version considered for "latest" and why it was passed over (empty when chosen).</summary>
        public List<(string Version, string Reason)> Considered { get; set; } = new List<(string, string)>();

        public bool IsWindows => !string.Equals(OsType, "Linux", StringComparison.OrdinalIgnoreCase);
        public bool IsSpecialized => string.Equals(OsState, "Specialized", StringComparison.OrdinalIgnoreCase);

        /// <summary>True when a VM created from <paramref name="imageId"/> comes from this source (for a definition: any of its versions).</summary>
        public bool Produced(string imageId)
        {
            if (imageId.Length == 0)
                return false;
            if (ArmId.SameId(imageId, Id) || (ImageId.Length > 0 && ArmId.SameId(imageId, ImageId)))
                return true;
            return Kind == DeploySourceKind.GalleryDefinition && GalleryIds.IsGalleryVersionId(imageId) && ArmId.SameId(GalleryIds.DefinitionOf(imageId), Id);
        }
    }

    /// <summary>One VM of the run, with the resources made for it and what already exists.</summary>
    internal sealed class PlannedVm
    {
        public string Name { get; set; } = "";
        public string Id { get; set; } = "";
        public string ComputerName { get; set; } = "";
        public string NicId { get; set; } = "";
        public string PublicIpId { get; set; } = "";
        /// <summary>A VM of that name already in the resource group.</summary>
        public ExistingVmState? Existing { get; set; }
        public bool ExistsFromSource { get; set; }
        public bool ExistsFromOtherSource => Existing != null && !ExistsFromSource;
        /// <summary>True when the VM must be (re)created: missing, or left Failed by an earlier run.</summary>
        public bool ToCreate => Existing == null || (ExistsFromSource && string.Equals(Existing.ProvisioningState, "Failed", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The network the run puts its NICs in: an existing subnet, or a VNet made for the resource group and location.</summary>
    internal sealed class PlannedNetwork
    {
        /// <summary>-SubnetId as given; empty when a VNet is made for the run.</summary>
        public string GivenSubnetId { get; set; } = "";
        /// <summary>The VNet that holds -SubnetId (null when it does not exist), or the run's VNet when it already exists.</summary>
        public VirtualNetworkState? VirtualNetwork { get; set; }
        public string VirtualNetworkId { get; set; } = "";
        public string SubnetName { get; set; } = "";
        public string SubnetId { get; set; } = "";

        public bool UsesGivenSubnet => GivenSubnetId.Length > 0;
        public bool GivenSubnetExists => VirtualNetwork?.Subnets.Any(s => string.Equals(s.Name, SubnetName, StringComparison.OrdinalIgnoreCase)) ?? false;
        public bool CreatesVirtualNetwork => !UsesGivenSubnet && VirtualNetwork == null;
    }

    /// <summary>
    /// What New-VmFromImage's rules read, all before any write: the request, the source (and
    /// for gallery sources the versions and their replication), the resource group's VMs, the
    /// location's VM sizes and usages, and the network.
    /// </summary>
    internal sealed class DeployFacts
    {
        public const string CoresUsage = "cores";

        public DeployFacts(DeployRequest request, string subscriptionId, DeploySource source, string targetLocation, bool resourceGroupExists,
            IReadOnlyList<PlannedVm> vms, IReadOnlyList<VmSizeState> sizes, IReadOnlyList<UsageState> usages, PlannedNetwork network,
            IReadOnlyList<VmSkuState>? skus = null)
        {
            Request = request;
            SubscriptionId = subscriptionId;
            Source = source;
            TargetLocation = targetLocation;
            ResourceGroupExists = resourceGroupExists;
            Vms = vms;
            Sizes = sizes;
            Usages = usages;
            Network = network;
            Size = sizes.FirstOrDefault(s => string.Equals(s.Name, request.VmSize, StringComparison.OrdinalIgnoreCase));
            Skus = skus ?? Array.Empty<VmSkuState>();
            Sku = Skus.FirstOrDefault(s => string.Equals(s.Name, request.VmSize, StringComparison.OrdinalIgnoreCase));
            if (Size != null)
            {
                var fromSku = Sku?.Family is { Length: > 0 } family
                    ? usages.FirstOrDefault(u => string.Equals(u.Name, family, StringComparison.OrdinalIgnoreCase))
                    : null;
                FamilyFromSku = fromSku != null;
                Family = fromSku ?? FamilyUsageOf(Size.Name, usages);
            }
        }

        public DeployRequest Request { get; }
        public string SubscriptionId { get; }
        public DeploySource Source { get; }
        public string TargetLocation { get; }
        public bool ResourceGroupExists { get; }
        public IReadOnlyList<PlannedVm> Vms { get; }
        public IReadOnlyList<VmSizeState> Sizes { get; }
        public IReadOnlyList<UsageState> Usages { get; }
        public PlannedNetwork Network { get; }

        /// <summary>The location's virtualMachines resource SKUs; empty when they could not be read.</summary>
        public IReadOnlyList<VmSkuState> Skus { get; }

        /// <summary>The requested size's SKU; null when the SKUs were not read or do not list it.</summary>
        public VmSkuState? Sku { get; }

        /// <summary>True when <see cref="Family"/> is the usage row the SKU's family names; false when it was derived from the size name.</summary>
        public bool FamilyFromSku { get; }

        /// <summary>The requested size as the location lists it; null when it is not offered there.</summary>
        public VmSizeState? Size { get; }

        /// <summary>
        /// The usage row of the size's family: the one the SKU's <c>family</c> names, else (SKU not read,
        /// no family, or a family the usages do not list) the one derived from the size name; null when
        /// the usages list neither.
        /// </summary>
        public UsageState? Family { get; }

        public UsageState? TotalCores => Usages.FirstOrDefault(u => string.Equals(u.Name, CoresUsage, StringComparison.OrdinalIgnoreCase));

        public IEnumerable<PlannedVm> ToCreate => Vms.Where(v => v.ToCreate && !v.ExistsFromOtherSource);

        /// <summary>vCPUs the VMs still to create will hold.</summary>
        public long CoresNeeded => (Size?.Cores ?? 0) * (long)ToCreate.Count(v => v.Existing == null || !HoldsCores(v.Existing));

        public bool HasCredentials => Request.Credential != null || !string.IsNullOrWhiteSpace(Request.SshPublicKey);

        /// <summary>The administrator user: the credential's, else (Linux with only an SSH key) "azureuser".</summary>
        public string AdminUserName => Request.Credential?.UserName is { Length: > 0 } user ? user : Source.IsWindows ? "" : "azureuser";

        private static bool HoldsCores(ExistingVmState vm) => !string.Equals(vm.ProvisioningState, "Failed", StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// The usage row of a size's family derived from its name (the fallback when the SKU's family
        /// cannot be read). Usage names follow the size name: Standard_D2s_v5 →
        /// standardDSv5Family, Standard_D2as_v5 → standardDASv5Family, Standard_B2ms → standardBSFamily
        /// (the B-series has one family whatever the suffix). Only names the location lists are returned.
        /// </summary>
        public static UsageState? FamilyUsageOf(string sizeName, IReadOnlyList<UsageState> usages)
        {
            foreach (var candidate in FamilyCandidates(sizeName))
            {
                var usage = usages.FirstOrDefault(u => string.Equals(u.Name, candidate, StringComparison.OrdinalIgnoreCase));
                if (usage != null)
                    return usage;
            }
            return null;
        }

        private static IEnumerable<string> FamilyCandidates(string sizeName)
        {
            // Standard_<series letters><vCPUs><feature letters>[_v<n>] (also Standard_<letters><n>-<constrained>...)
            var parts = sizeName.Split('_');
            if (parts.Length < 2)
                yield break;
            var body = parts[1];
            var version = parts.Length > 2 && parts[2].StartsWith("v", StringComparison.OrdinalIgnoreCase) ? parts[2].ToLowerInvariant() : "";
            var dash = body.IndexOf('-');
            if (dash > 0)
                body = body.Substring(0, dash);
            int i = 0;
            while (i < body.Length && char.IsLetter(body[i]))
                i++;
            var series = body.Substring(0, i).ToUpperInvariant();
            while (i < body.Length && char.IsDigit(body[i]))
                i++;
            var features = body.Substring(i).ToUpperInvariant();
            yield return $"standard{series}{features}{version}Family";
            if (features.Contains("S"))
                yield return $"standard{series}{features.Replace("M", "")}{version}Family";
            if (features.Contains("S"))
                yield return $"standard{series}S{version}Family";
            yield return $"standard{series}{version}Family";
        }
    }
}
