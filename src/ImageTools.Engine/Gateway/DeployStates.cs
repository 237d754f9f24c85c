using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ImageTools.Engine.Gateway
{
    // Plain records of what New-VmFromImage reads and writes besides galleries and images:
    // regional quota, VM sizes, networks, NICs and the VMs themselves. Nothing here is an SDK type.

    /// <summary>
    /// What New-VmFromImage asks of Azure. Network resources go through ArmClient generic
    /// resources (Microsoft.Network api-version pinned by the session). Reads of a missing
    /// resource return null; every failure is an <see cref="AzureRequestException"/>.
    /// </summary>
    internal interface IDeployGateway
    {
        /// <summary>Compute usages of a location (total regional vCPUs, per-family vCPUs...).</summary>
        Task<IReadOnlyList<UsageState>> ListUsagesAsync(string subscriptionId, string location, CancellationToken ct);

        /// <summary>The VM sizes offered in a location.</summary>
        Task<IReadOnlyList<VmSizeState>> ListVmSizesAsync(string subscriptionId, string location, CancellationToken ct);

        /// <summary>The virtualMachines resource SKUs of a location (one call, filtered by location): family and Hyper-V generations per size.</summary>
        Task<IReadOnlyList<VmSkuState>> ListVmSkusAsync(string subscriptionId, string location, CancellationToken ct);

        /// <summary>Every VM of a resource group (model only, one list call); empty when the group does not exist.</summary>
        Task<IReadOnlyList<ExistingVmState>> ListVmsAsync(string subscriptionId, string resourceGroupName, CancellationToken ct);

        Task<VirtualNetworkState?> GetVirtualNetworkAsync(string vnetId, CancellationToken ct);
        Task<VirtualNetworkState> CreateVirtualNetworkAsync(VirtualNetworkSpec spec, CancellationToken ct);

        Task<NicState?> GetNicAsync(string nicId, CancellationToken ct);
        Task<NicState> CreateNicAsync(NicSpec spec, CancellationToken ct);

        Task<string> CreatePublicIpAsync(PublicIpSpec spec, CancellationToken ct);

        /// <summary>PUTs the VM and returns once the long-running operation finished.</summary>
        Task CreateVmAsync(VmSpec spec, CancellationToken ct);
    }

    /// <summary>One row of a location's compute usages.</summary>
    internal sealed class UsageState
    {
        /// <summary>"cores" for total regional vCPUs, else a family such as "standardDSv5Family".</summary>
        public string Name { get; set; } = "";
        public string LocalizedName { get; set; } = "";
        public long Current { get; set; }
        public long Limit { get; set; }
    }

    internal sealed class VmSizeState
    {
        public string Name { get; set; } = "";
        public int Cores { get; set; }
    }

    /// <summary>One virtualMachines resource SKU: the size's quota family and capabilities.</summary>
    internal sealed class VmSkuState
    {
        public string Name { get; set; } = "";
        /// <summary>The usages name of the size's quota family (standardDSv5Family); empty when the SKU does not say.</summary>
        public string Family { get; set; } = "";
        /// <summary>The HyperVGenerations capability split ("V1", "V2"); empty when the SKU does not list it.</summary>
        public IReadOnlyList<string> HyperVGenerations { get; set; } = Array.Empty<string>();
    }

    /// <summary>A VM as the resource group's VM list shows it.</summary>
    internal sealed class ExistingVmState
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public string Location { get; set; } = "";
        public string ProvisioningState { get; set; } = "";
        /// <summary>storageProfile.imageReference.id (managed image, gallery version or definition); empty for other sources.</summary>
        public string ImageId { get; set; } = "";
        public string VmSize { get; set; } = "";
    }

    internal sealed class SubnetState
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public string AddressPrefix { get; set; } = "";
    }

    internal sealed class VirtualNetworkState
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public string Location { get; set; } = "";
        public string ProvisioningState { get; set; } = "";
        public List<SubnetState> Subnets { get; set; } = new List<SubnetState>();
    }

    internal sealed class NicState
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public string Location { get; set; } = "";
        public string SubnetId { get; set; } = "";
        /// <summary>The VM the NIC is attached to; empty when free.</summary>
        public string VirtualMachineId { get; set; } = "";
    }

    internal sealed class VirtualNetworkSpec
    {
        public string Id { get; set; } = "";
        public string Location { get; set; } = "";
        public string AddressPrefix { get; set; } = "";
        public string SubnetName { get; set; } = "";
        public string SubnetPrefix { get; set; } = "";
        public Dictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();
    }

    internal sealed class NicSpec
    {
        public string Id { get; set; } = "";
        public string Location { get; set; } = "";
        public string SubnetId { get; set; } = "";
        /// <summary>A public IP address id, or empty for none.</summary>
        public string PublicIpId { get; set; } = "";
        public Dictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();
    }

    internal sealed class PublicIpSpec
    {
        public string Id { get; set; } = "";
        public string Location { get; set; } = "";
        public string[] Zones { get; set; } = Array.Empty<string>();
        public Dictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();
    }

    /// <summary>A VM to create from an image. Carries the administrator secret: never logged, never in a message.</summary>
    internal sealed class VmSpec
    {
        public string Id { get; set; } = "";
        public string Location { get; set; } = "";
        public string VmSize { get; set; } = "";
        public string[] Zones { get; set; } = Array.Empty<string>();
        public Dictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();
        /// <summary>A managed image, gallery version or gallery definition id.</summary>
        public string ImageId { get; set; } = "";
        public string OsType { get; set; } = "";
        /// <summary>Standard, TrustedLaunch or ConfidentialVM.</summary>
        public string SecurityType { get; set; } = "Standard";
        public string NicId { get; set; } = "";

        /// <summary>False for specialized sources: no osProfile at all.</summary>
        public bool WithOsProfile { get; set; }
        public string ComputerName { get; set; } = "";
        public string AdminUserName { get; set; } = "";
        public string? AdminPassword { get; set; }
        public string? SshPublicKey { get; set; }

        public override string ToString() => Id;
    }
}
