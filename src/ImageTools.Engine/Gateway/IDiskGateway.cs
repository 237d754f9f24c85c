using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ImageTools.Engine.Gateway
{
    /// <summary>
    /// Disks and snapshots beyond one VM's generalize path: disks made from snapshots, a VM built
    /// on existing disks, a disk swap, and the listings and deletes of cleanup. Reads of a missing
    /// resource return null; every failure is an <see cref="AzureRequestException"/>.
    /// </summary>
    internal interface IDiskGateway
    {
        /// <summary>A managed disk copied from a snapshot (or another disk), in the snapshot's location.</summary>
        Task<DiskState> CreateDiskAsync(DiskSpec spec, CancellationToken ct);

        /// <summary>PUTs a VM whose OS disk (and data disks) are attached existing disks; returns once it was created.</summary>
        Task CreateVmOnDisksAsync(AttachedVmSpec spec, CancellationToken ct);

        /// <summary>Swaps a deallocated VM's OS disk and data disks for others (one PUT of its storage profile).</summary>
        Task SwapDisksAsync(ArmId vmId, ArmId osDiskId, IReadOnlyDictionary<int, ArmId> dataDiskIds, CancellationToken ct);

        /// <summary>The snapshots of a resource group, or of the subscription when the group is empty.</summary>
        Task<IReadOnlyList<SnapshotState>> ListSnapshotsAsync(string subscriptionId, string resourceGroupName, CancellationToken ct);

        /// <summary>The managed disks of a resource group, or of the subscription when the group is empty.</summary>
        Task<IReadOnlyList<DiskState>> ListDisksAsync(string subscriptionId, string resourceGroupName, CancellationToken ct);

        Task DeleteSnapshotAsync(ArmId snapshotId, CancellationToken ct);
        Task DeleteDiskAsync(ArmId diskId, CancellationToken ct);
    }
}
