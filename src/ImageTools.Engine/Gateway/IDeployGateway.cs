using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ImageTools.Engine.Gateway
{
    /// <summary>
    /// What New-VmFromImage asks of Azure. Network resources go through ArmClient generic
    /// resources (Microsoft.Network api-version pinned by the session). Reads of a missing
    /// resource return null; every failure is an <see cref="AzureRequestException"/>.
    /// </summary>
    internal interface IDeployGateway
    {
        /// <summary>Compute usages of a location (total regional vCPUs, per-family vCPUs...).</summary>
        Task<IReadOnlyList<UsageState>> ListUsagesAsync(string subscriptionId, string location, CancellationToken ct);

        /// <summary>The VM sizes offered in a location; kept for the session once read.</summary>
        Task<IReadOnlyList<VmSizeState>> ListVmSizesAsync(string subscriptionId, string location, CancellationToken ct);

        /// <summary>The virtualMachines resource SKUs of a location (one call, filtered by location): family and Hyper-V generations per size; kept for the session once read.</summary>
        Task<IReadOnlyList<VmSkuState>> ListVmSkusAsync(string subscriptionId, string location, CancellationToken ct);

        /// <summary>Every VM of a resource group (model only, one list call); empty when the group does not exist.</summary>
        Task<IReadOnlyList<ExistingVmState>> ListVmsAsync(string subscriptionId, string resourceGroupName, CancellationToken ct);

        Task<VirtualNetworkState?> GetVirtualNetworkAsync(ArmId vnetId, CancellationToken ct);
        Task<VirtualNetworkState> CreateVirtualNetworkAsync(VirtualNetworkSpec spec, CancellationToken ct);

        Task<NicState?> GetNicAsync(ArmId nicId, CancellationToken ct);

        /// <summary>
        /// The names of a resource group's network interfaces (one paged read of the group's resources of that type,
        /// not one read per NIC), compared ignoring case; empty when the group does not exist.
        /// </summary>
        Task<ISet<string>> ListNicNamesAsync(string subscriptionId, string resourceGroupName, CancellationToken ct);
        Task<NicState> CreateNicAsync(NicSpec spec, CancellationToken ct);

        Task<ArmId> CreatePublicIpAsync(PublicIpSpec spec, CancellationToken ct);

        /// <summary>PUTs the VM and returns it as the long-running operation's result reads it (its model, without instance view).</summary>
        Task<VmState> CreateVmAsync(VmSpec spec, CancellationToken ct);
    }
}
