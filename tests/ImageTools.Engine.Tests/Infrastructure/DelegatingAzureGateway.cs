using ImageTools.Engine.Gateway;

namespace ImageTools.Engine.Tests.Infrastructure;

/// <summary>
/// A gateway that forwards every call to the emulator's; a test overrides the one call whose
/// answer it needs to change (a failed run command, a guest that stops mid-command).
/// </summary>
internal abstract class DelegatingAzureGateway(IAzureGateway inner) : IAzureGateway
{
    protected IAzureGateway Inner => inner;

    public virtual Task<GuestCommandResult> RunCommandAsync(ArmId vmId, string commandId, IList<string> script, CancellationToken ct) =>
        inner.RunCommandAsync(vmId, commandId, script, ct);

    public Task<SubscriptionState> GetSubscriptionAsync(string subscriptionId, CancellationToken ct) => inner.GetSubscriptionAsync(subscriptionId, ct);
    public Task<bool> ResourceGroupExistsAsync(string subscriptionId, string resourceGroupName, CancellationToken ct) => inner.ResourceGroupExistsAsync(subscriptionId, resourceGroupName, ct);
    public Task<VmState?> GetVmAsync(ArmId vmId, CancellationToken ct) => inner.GetVmAsync(vmId, ct);
    public Task StartVmAsync(ArmId vmId, CancellationToken ct) => inner.StartVmAsync(vmId, ct);
    public Task PowerOffVmAsync(ArmId vmId, CancellationToken ct) => inner.PowerOffVmAsync(vmId, ct);
    public Task DeallocateVmAsync(ArmId vmId, CancellationToken ct) => inner.DeallocateVmAsync(vmId, ct);
    public Task GeneralizeVmAsync(ArmId vmId, CancellationToken ct) => inner.GeneralizeVmAsync(vmId, ct);
    public Task DeleteVmAsync(ArmId vmId, CancellationToken ct) => inner.DeleteVmAsync(vmId, ct);
    public Task SetVmTagsAsync(ArmId vmId, IDictionary<string, string> tags, CancellationToken ct) => inner.SetVmTagsAsync(vmId, tags, ct);
    public Task<DiskState?> GetDiskAsync(ArmId diskId, CancellationToken ct) => inner.GetDiskAsync(diskId, ct);
    public Task<SnapshotState?> GetSnapshotAsync(ArmId snapshotId, CancellationToken ct) => inner.GetSnapshotAsync(snapshotId, ct);
    public Task<SnapshotState> CreateSnapshotAsync(SnapshotSpec spec, CancellationToken ct) => inner.CreateSnapshotAsync(spec, ct);
    public Task<ImageState?> GetImageAsync(ArmId imageId, CancellationToken ct) => inner.GetImageAsync(imageId, ct);
    public Task<ImageState> CreateImageAsync(ImageSpec spec, CancellationToken ct) => inner.CreateImageAsync(spec, ct);
    public Task DeleteImageAsync(ArmId imageId, CancellationToken ct) => inner.DeleteImageAsync(imageId, ct);
}
