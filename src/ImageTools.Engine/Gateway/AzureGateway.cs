using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using Azure.ResourceManager;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;
using Azure.ResourceManager.Resources;
using Azure.ResourceManager.Resources.Models;

namespace ImageTools.Engine.Gateway
{
    /// <summary>
    /// <see cref="IAzureGateway"/> over Azure.ResourceManager.Compute. Writes start with
    /// WaitUntil.Started and complete through WaitForCompletion with the session's polling
    /// DelayStrategy (Retry-After honoured); request retries are the pipeline's.
    /// </summary>
    internal sealed class AzureGateway : ArmGateway, IAzureGateway
    {
        public AzureGateway(ArmClient client, DelayStrategy? polling)
            : base(client, polling)
        {
        }

        public Task<SubscriptionState> GetSubscriptionAsync(string subscriptionId, CancellationToken ct) =>
            Call("read subscription", subscriptionId, async () =>
            {
                var subscription = Subscription(subscriptionId);
                var data = (await subscription.GetAsync(ct).ConfigureAwait(false)).Value.Data;
                return new SubscriptionState
                {
                    SubscriptionId = data.SubscriptionId ?? subscriptionId,
                    TenantId = data.TenantId?.ToString() ?? "",
                    DisplayName = data.DisplayName ?? "",
                };
            });

        public Task<bool> ResourceGroupExistsAsync(string subscriptionId, string resourceGroupName, CancellationToken ct) =>
            Call("read resource group", resourceGroupName, async () =>
            {
                var subscription = Subscription(subscriptionId);
                return (await subscription.GetResourceGroups().ExistsAsync(resourceGroupName, ct).ConfigureAwait(false)).Value;
            });

        // ---- virtual machines ----

        public Task<VmState?> GetVmAsync(ArmId vmId, CancellationToken ct) =>
            CallOrNull("read virtual machine", vmId, async () =>
            {
                var response = await Vm(vmId).GetAsync(InstanceViewType.InstanceView, ct).ConfigureAwait(false);
                return ComputeStateMapper.ToVmState(response.Value.Data);
            });

        public Task StartVmAsync(ArmId vmId, CancellationToken ct) =>
            Call("start virtual machine", vmId, async () =>
                await CompleteAsync(await Vm(vmId).PowerOnAsync(WaitUntil.Started, ct).ConfigureAwait(false), ct).ConfigureAwait(false));

        public Task PowerOffVmAsync(ArmId vmId, CancellationToken ct) =>
            Call("power off virtual machine", vmId, async () =>
                await CompleteAsync(await Vm(vmId).PowerOffAsync(WaitUntil.Started, skipShutdown: false, ct).ConfigureAwait(false), ct).ConfigureAwait(false));

        public Task DeallocateVmAsync(ArmId vmId, CancellationToken ct) =>
            Call("deallocate virtual machine", vmId, async () =>
                await CompleteAsync(await Vm(vmId).DeallocateAsync(WaitUntil.Started, hibernate: null, ct).ConfigureAwait(false), ct).ConfigureAwait(false));

        public Task GeneralizeVmAsync(ArmId vmId, CancellationToken ct) =>
            Call("generalize virtual machine", vmId, async () => await Vm(vmId).GeneralizeAsync(ct).ConfigureAwait(false));

        public Task DeleteVmAsync(ArmId vmId, CancellationToken ct) =>
            Call("delete virtual machine", vmId, async () =>
                await CompleteAsync(await Vm(vmId).DeleteAsync(WaitUntil.Started, forceDeletion: null, ct).ConfigureAwait(false), ct).ConfigureAwait(false));

        /// <summary>
        /// Adds or changes the given tags, keeping the others: one PATCH (operation Merge) of the VM's
        /// Microsoft.Resources/tags/default, answered at once, where an update of the VM itself is a
        /// long-running operation counted against Compute's PutVM budgets.
        /// </summary>
        public Task SetVmTagsAsync(ArmId vmId, IDictionary<string, string> tags, CancellationToken ct) =>
            Call("update the tags of virtual machine", vmId, async () =>
            {
                var patch = new TagResourcePatch { PatchMode = TagPatchMode.Merge };
                foreach (var tag in tags)
                    patch.TagValues[tag.Key] = tag.Value;
                await Client.GetTagResource(TagResource.CreateResourceIdentifier(Sdk(vmId))).UpdateAsync(WaitUntil.Completed, patch, ct).ConfigureAwait(false);
            });

        public Task<GuestCommandResult> RunCommandAsync(ArmId vmId, string commandId, IList<string> script, CancellationToken ct) =>
            Call("run a command in virtual machine", vmId, async () =>
            {
                var input = new RunCommandInput(commandId);
                foreach (var line in script)
                    input.Script.Add(line);
                var operation = await Vm(vmId).RunCommandAsync(WaitUntil.Started, input, ct).ConfigureAwait(false);
                var result = await CompleteAsync(operation, ct).ConfigureAwait(false);
                var statuses = result?.Value ?? (IReadOnlyList<InstanceViewStatus>)Array.Empty<InstanceViewStatus>();
                string Text(string stream) => string.Join("\n", statuses
                    .Where(s => (s.Code ?? "").IndexOf("/" + stream + "/", StringComparison.OrdinalIgnoreCase) >= 0)
                    .Select(s => s.Message ?? ""));
                var output = new GuestCommandResult
                {
                    StdOut = Text("StdOut"),
                    StdErr = Text("StdErr"),
                    Codes = statuses.Select(s => s.Code ?? "").ToArray(),
                };
                if (!statuses.Any(s => (s.Code ?? "").IndexOf("/StdOut/", StringComparison.OrdinalIgnoreCase) >= 0))
                    ReadLinuxSections(string.Join("\n", statuses.Select(s => s.Message ?? "")), output);
                return output;
            });

        /// <summary>
        /// Linux run commands answer one status: "Enable succeeded: [stdout] ... [stderr] ..." or,
        /// when the script failed, "Enable failed: failed to execute command: ... [stdout] ... [stderr] ...".
        /// The text before the sections is kept as the summary.
        /// </summary>
        internal static void ReadLinuxSections(string message, GuestCommandResult output)
        {
            var outAt = message.IndexOf("[stdout]", StringComparison.Ordinal);
            var errAt = message.IndexOf("[stderr]", StringComparison.Ordinal);
            var first = outAt >= 0 && errAt >= 0 ? Math.Min(outAt, errAt) : Math.Max(outAt, errAt);
            if (first > 0)
                output.Summary = message.Substring(0, first).Trim();
            if (outAt >= 0)
            {
                var end = errAt > outAt ? errAt : message.Length;
                output.StdOut = message.Substring(outAt + 8, end - outAt - 8).Trim();
            }
            if (errAt >= 0)
                output.StdErr = message.Substring(errAt + 8).Trim();
            if (outAt < 0 && errAt < 0)
                output.StdOut = message.Trim();
        }

        // ---- disks and snapshots ----

        public Task<DiskState?> GetDiskAsync(ArmId diskId, CancellationToken ct) =>
            CallOrNull("read managed disk", diskId, async () =>
                ComputeStateMapper.ToDiskState((await Client.GetManagedDiskResource(Sdk(diskId)).GetAsync(ct).ConfigureAwait(false)).Value.Data));

        public Task<SnapshotState?> GetSnapshotAsync(ArmId snapshotId, CancellationToken ct) =>
            CallOrNull("read snapshot", snapshotId, async () =>
                ComputeStateMapper.ToSnapshotState((await Client.GetSnapshotResource(Sdk(snapshotId)).GetAsync(ct).ConfigureAwait(false)).Value.Data));

        public Task<SnapshotState> CreateSnapshotAsync(SnapshotSpec spec, CancellationToken ct)
        {
            var id = ArmId.Format(spec.SubscriptionId, spec.ResourceGroupName, ArmId.Snapshots, spec.Name);
            return Call("create snapshot", id, async () =>
            {
                var data = new SnapshotData(new AzureLocation(spec.Location))
                {
                    CreationData = new DiskCreationData(DiskCreateOption.Copy) { SourceResourceId = Sdk(spec.SourceDiskId) },
                    Incremental = false,
                };
                if (spec.OsType.Length > 0)
                    data.OSType = ComputeStateMapper.Os(spec.OsType);
                if (spec.HyperVGeneration.Length > 0)
                    data.HyperVGeneration = new HyperVGeneration(spec.HyperVGeneration);
                foreach (var tag in spec.Tags)
                    data.Tags[tag.Key] = tag.Value;
                var operation = await ResourceGroup(spec.SubscriptionId, spec.ResourceGroupName).GetSnapshots()
                    .CreateOrUpdateAsync(WaitUntil.Started, spec.Name, data, ct).ConfigureAwait(false);
                var result = await CompleteAsync(operation, ct).ConfigureAwait(false);
                return ComputeStateMapper.ToSnapshotState(result.Data);
            });
        }

        // ---- images ----

        public Task<ImageState?> GetImageAsync(ArmId imageId, CancellationToken ct) =>
            CallOrNull("read image", imageId, async () =>
                ComputeStateMapper.ToImageState((await Client.GetDiskImageResource(Sdk(imageId)).GetAsync(null, ct).ConfigureAwait(false)).Value.Data));

        public Task<ImageState> CreateImageAsync(ImageSpec spec, CancellationToken ct)
        {
            var id = ArmId.Format(spec.SubscriptionId, spec.ResourceGroupName, ArmId.Images, spec.Name);
            return Call("create image", id, async () =>
            {
                var data = new DiskImageData(new AzureLocation(spec.Location));
                if (spec.HyperVGeneration.Length > 0)
                    data.HyperVGeneration = new HyperVGeneration(spec.HyperVGeneration);
                foreach (var tag in spec.Tags)
                    data.Tags[tag.Key] = tag.Value;
                if (spec.SourceVirtualMachineId != null)
                {
                    data.SourceVirtualMachineId = Sdk(spec.SourceVirtualMachineId);
                    if (spec.ZoneResilient)
                        data.StorageProfile = new ImageStorageProfile { ZoneResilient = true };
                }
                else
                {
                    var osDisk = new ImageOSDisk(ComputeStateMapper.Os(spec.OsType),
                        string.Equals(spec.OsState, "Specialized", StringComparison.OrdinalIgnoreCase)
                            ? OperatingSystemStateType.Specialized : OperatingSystemStateType.Generalized);
                    if (spec.OsDiskIsSnapshot)
                        osDisk.SnapshotId = Sdk(spec.OsDiskSourceId!);
                    else
                        osDisk.ManagedDiskId = Sdk(spec.OsDiskSourceId!);
                    var profile = new ImageStorageProfile { OSDisk = osDisk, ZoneResilient = spec.ZoneResilient };
                    foreach (var disk in spec.DataDisks)
                    {
                        var dataDisk = new ImageDataDisk(disk.Lun);
                        if (disk.IsSnapshot)
                            dataDisk.SnapshotId = Sdk(disk.SourceId);
                        else
                            dataDisk.ManagedDiskId = Sdk(disk.SourceId);
                        profile.DataDisks.Add(dataDisk);
                    }
                    data.StorageProfile = profile;
                }
                var operation = await ResourceGroup(spec.SubscriptionId, spec.ResourceGroupName).GetDiskImages()
                    .CreateOrUpdateAsync(WaitUntil.Started, spec.Name, data, ct).ConfigureAwait(false);
                var result = await CompleteAsync(operation, ct).ConfigureAwait(false);
                return ComputeStateMapper.ToImageState(result.Data);
            });
        }

        public Task DeleteImageAsync(ArmId imageId, CancellationToken ct) =>
            Call("delete image", imageId, async () =>
                await CompleteAsync(await Client.GetDiskImageResource(Sdk(imageId)).DeleteAsync(WaitUntil.Started, ct).ConfigureAwait(false), ct).ConfigureAwait(false));

        // ---- mapping ----

        private VirtualMachineResource Vm(ArmId id) => Client.GetVirtualMachineResource(Sdk(id));

    }
}
