using System;
using System.Collections.Generic;
using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Requests;

namespace ImageTools.Engine.Rules.Deploy
{
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

        /// <summary>The parameter that sets how many VMs are made (-Count; a scale set's -Capacity), for remedies.</summary>
        public string CountParameter { get; set; } = "-Count";

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
