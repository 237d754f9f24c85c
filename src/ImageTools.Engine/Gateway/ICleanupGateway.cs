using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ImageTools.Engine.Gateway
{
    /// <summary>
    /// Reads and deletes of the resources a VM owns (disks, network interfaces, public IP addresses,
    /// virtual networks), and the resource list ImageTools' leftovers are found in by their tags.
    /// A delete of a resource already gone is not an error: it answers false.
    /// </summary>
    internal interface ICleanupGateway
    {
        /// <summary>The public IP addresses and subnets of a network interface's IP configurations; null when the NIC does not exist.</summary>
        Task<NicLinks?> GetNicLinksAsync(ArmId nicId, CancellationToken ct);

        /// <summary>A virtual network's tags and what is attached to it; null when it does not exist.</summary>
        Task<VirtualNetworkUse?> GetVirtualNetworkUseAsync(ArmId vnetId, CancellationToken ct);

        /// <summary>The top-level resources of a resource group, or of the subscription when <paramref name="resourceGroupName"/> is empty (one paged list).</summary>
        Task<IReadOnlyList<TaggedResource>> ListResourcesAsync(string subscriptionId, string resourceGroupName, CancellationToken ct);

        /// <summary>A NIC or public IP address with its tags and what it is attached to (a NIC's VM, a public IP's IP configuration); null when gone.</summary>
        Task<TaggedResource?> GetNetworkResourceAsync(ArmId id, CancellationToken ct);

        /// <summary>Deletes a managed disk; false when it did not exist.</summary>
        Task<bool> DeleteDiskAsync(ArmId diskId, CancellationToken ct);

        /// <summary>Deletes a network resource (NIC, public IP address, virtual network); false when it did not exist.</summary>
        Task<bool> DeleteNetworkResourceAsync(ArmId resourceId, string what, CancellationToken ct);
    }
}
