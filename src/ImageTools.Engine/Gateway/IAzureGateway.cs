using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ImageTools.Engine.Gateway
{
    /// <summary>
    /// Everything the engine asks of Azure, in plain engine records. The only implementation
    /// over Azure.ResourceManager is <see cref="AzureGateway"/>; no other code sees SDK types.
    /// Reads of a missing resource return null; every failure is an <see cref="AzureRequestException"/>.
    /// Long-running writes return once Azure reports them finished.
    /// </summary>
    internal interface IAzureGateway
    {
        Task<SubscriptionState> GetSubscriptionAsync(string subscriptionId, CancellationToken ct);

        Task<bool> ResourceGroupExistsAsync(string subscriptionId, string resourceGroupName, CancellationToken ct);

        /// <summary>One GET with $expand=instanceView: model, power state, OS state and agent status together.</summary>
        Task<VmState?> GetVmAsync(ArmId vmId, CancellationToken ct);

        Task StartVmAsync(ArmId vmId, CancellationToken ct);
        Task PowerOffVmAsync(ArmId vmId, CancellationToken ct);
        Task DeallocateVmAsync(ArmId vmId, CancellationToken ct);

        /// <summary>Marks a stopped or deallocated VM generalized (a synchronous POST).</summary>
        Task GeneralizeVmAsync(ArmId vmId, CancellationToken ct);

        Task DeleteVmAsync(ArmId vmId, CancellationToken ct);

        /// <summary>Adds or changes the given tags of the VM, keeping its others.</summary>
        Task SetVmTagsAsync(ArmId vmId, IDictionary<string, string> tags, CancellationToken ct);

        /// <summary>Runs a script in the guest (RunPowerShellScript or RunShellScript) and returns its output.</summary>
        Task<GuestCommandResult> RunCommandAsync(ArmId vmId, string commandId, IList<string> script, CancellationToken ct);

        Task<DiskState?> GetDiskAsync(ArmId diskId, CancellationToken ct);
        Task<SnapshotState?> GetSnapshotAsync(ArmId snapshotId, CancellationToken ct);
        Task<SnapshotState> CreateSnapshotAsync(SnapshotSpec spec, CancellationToken ct);

        Task<ImageState?> GetImageAsync(ArmId imageId, CancellationToken ct);
        Task<ImageState> CreateImageAsync(ImageSpec spec, CancellationToken ct);
        Task DeleteImageAsync(ArmId imageId, CancellationToken ct);
    }
}
