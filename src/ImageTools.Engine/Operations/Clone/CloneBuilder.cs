using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Rules.Clone;
using ImageTools.Engine.Rules.Generalize;

namespace ImageTools.Engine.Operations.Clone
{
    /// <summary>
    /// The writes that make a clone: per disk a snapshot of the running source, a disk copied from
    /// it and the snapshot's delete; an isolated network (its own VNet and subnet, a NIC with no
    /// public IP, no peering: two machines with one identity never meet); the VM on those disks,
    /// then the wait for its agent. Each part that exists from an earlier run is reused.
    /// </summary>
    internal sealed class CloneBuilder
    {
        private readonly OperationRun _run;
        private readonly CloneNames _names;
        private readonly IDiskGateway _disks;
        private readonly IDeployGateway _network;
        private readonly GeneralizeRequest _request;

        public CloneBuilder(OperationRun run, CloneNames names, IDiskGateway disks, IDeployGateway network, GeneralizeRequest request)
        {
            _run = run;
            _names = names;
            _disks = disks;
            _network = network;
            _request = request;
        }

        private IAzureGateway Azure => _run.Gateway;

        public Task<VirtualNetworkState?> ReadNetworkAsync() =>
            _run.StepAsync($"reading the clone's network '{_names.Network.Name}'", _run.Options.OperationTimeout, ct => _network.GetVirtualNetworkAsync(_names.Network, ct));

        public Task<NicState?> ReadNicAsync() =>
            _run.StepAsync($"reading the clone's NIC '{_names.Nic.Name}'", _run.Options.OperationTimeout, ct => _network.GetNicAsync(_names.Nic, ct));

        public void Plan(CloneFacts facts, OperationPlan plan)
        {
            foreach (var disk in facts.Disks.Where(d => d.ExistingDisk == null))
            {
                if (!Reusable(facts, disk))
                    plan.Add(disk.SnapshotId.Id, $"Snapshot disk '{disk.Source.Name}' ({disk.Slot}) of the running VM '{facts.Source.Name}' (it is not stopped)");
                plan.Add(disk.DiskId.Id, $"Create disk '{disk.DiskId.Name}' from snapshot '{disk.SnapshotId.Name}'");
                plan.Add(disk.SnapshotId.Id, $"Delete the temporary snapshot '{disk.SnapshotId.Name}'");
            }
            if (facts.ExistingNetwork == null)
                plan.Add(_names.Network.Id, $"Create the isolated virtual network '{_names.Network.Name}' ({CloneNames.AddressPrefix}, no peering)");
            if (facts.ExistingNic == null)
                plan.Add(_names.Nic.Id, $"Create NIC '{_names.Nic.Name}' in it (no public IP)");
            var source = facts.Source;
            plan.Add(_names.Vm.Id, $"Create the clone VM '{_names.Vm.Name}' on the copied disks ({source.VmSize}, {source.HyperVGeneration}, {source.SecurityType})");
        }

        private static bool Reusable(CloneFacts facts, PlannedCloneDisk disk) =>
            disk.ExistingSnapshot != null && ArmId.SameId(disk.ExistingSnapshot.SourceResourceId, disk.Source.ManagedDiskId)
            && CloneTags.IsCloneOf(disk.ExistingSnapshot.Tags, facts.Source.Id)
            && string.Equals(disk.ExistingSnapshot.ProvisioningState, "Succeeded", StringComparison.OrdinalIgnoreCase);

        public async Task BuildAsync(CloneFacts facts)
        {
            var source = facts.Source;
            var partTags = CloneTags.ForPart(source.Id, _names.Vm);
            var dataDisks = new Dictionary<int, ArmId>();
            ArmId? osDiskId = null;
            foreach (var disk in facts.Disks)
            {
                var id = disk.ExistingDisk?.Id ?? await CopyAsync(facts, disk, partTags).ConfigureAwait(false);
                if (disk.Source.Lun < 0)
                    osDiskId = id;
                else
                    dataDisks[disk.Source.Lun] = id;
            }
            if (facts.ExistingNetwork == null)
                await _run.StepAsync($"creating the isolated network '{_names.Network.Name}'", _run.Options.OperationTimeout, ct => _network.CreateVirtualNetworkAsync(new VirtualNetworkSpec
                {
                    Id = _names.Network, Location = source.Location, AddressPrefix = CloneNames.AddressPrefix,
                    SubnetName = CloneNames.SubnetName, SubnetPrefix = CloneNames.AddressPrefix, Tags = partTags,
                }, ct), 40).ConfigureAwait(false);
            if (facts.ExistingNic == null)
                await _run.StepAsync($"creating NIC '{_names.Nic.Name}' (no public IP)", _run.Options.OperationTimeout, ct => _network.CreateNicAsync(new NicSpec
                {
                    Id = _names.Nic, Location = source.Location, SubnetId = _names.SubnetId, Tags = partTags,
                }, ct), 45).ConfigureAwait(false);
            await _run.StepAsync($"creating the clone VM '{_names.Vm.Name}'", _run.Options.OperationTimeout, ct => _disks.CreateVmOnDisksAsync(new AttachedVmSpec
            {
                Id = _names.Vm, Location = source.Location, VmSize = source.VmSize, Zones = source.Zones, OsType = source.OsType,
                SecurityType = source.SecurityType, OsDiskId = osDiskId!, DataDiskIds = dataDisks, NicId = _names.Nic,
                Tags = CloneTags.ForVm(source.Id),
            }, ct), 55).ConfigureAwait(false);
            await WaitForAgentAsync().ConfigureAwait(false);
        }

        private async Task<ArmId> CopyAsync(CloneFacts facts, PlannedCloneDisk disk, Dictionary<string, string> tags)
        {
            var source = facts.Source;
            if (!Reusable(facts, disk))
                await _run.StepAsync($"snapshotting disk '{disk.Source.Name}' of the running VM", _run.Options.OperationTimeout, ct => Azure.CreateSnapshotAsync(new SnapshotSpec
                {
                    SubscriptionId = disk.SnapshotId.SubscriptionId, ResourceGroupName = disk.SnapshotId.ResourceGroupName, Name = disk.SnapshotId.Name,
                    Location = source.Location, SourceDiskId = disk.Source.ManagedDiskId!,
                    OsType = disk.Source.Lun < 0 ? source.OsType : "", HyperVGeneration = disk.Source.Lun < 0 ? source.HyperVGeneration : "",
                    Tags = CloneTags.ForVm(source.Id),
                }, ct), 10).ConfigureAwait(false);
            else
                _run.Sink.WriteVerbose($"Snapshot '{disk.SnapshotId.Name}' of disk '{disk.Source.Name}' exists from an earlier run; reused.");
            var created = await _run.StepAsync($"creating disk '{disk.DiskId.Name}' from the snapshot", _run.Options.OperationTimeout, ct => _disks.CreateDiskAsync(new DiskSpec
            {
                Id = disk.DiskId, Location = source.Location, SourceId = disk.SnapshotId, SkuName = disk.SourceState?.SkuName ?? "",
                Zones = source.Zones, Tags = tags,
            }, ct), 20).ConfigureAwait(false);
            await _run.StepAsync($"deleting the temporary snapshot '{disk.SnapshotId.Name}'", _run.Options.OperationTimeout,
                ct => _disks.DeleteSnapshotAsync(disk.SnapshotId, ct), 30).ConfigureAwait(false);
            return created.Id;
        }

        /// <summary>The clone boots the source's guest; Run Command needs its agent Ready.</summary>
        private async Task WaitForAgentAsync()
        {
            VmState? last = null;
            try
            {
                await _run.StepAsync($"waiting for the clone's guest agent to report Ready", _request.GuestTimeout, async ct =>
                {
                    var pace = _run.GuestPace(_request.GuestPollInterval);
                    while (true)
                    {
                        last = await Azure.GetVmAsync(_names.Vm, ct).ConfigureAwait(false);
                        if (last != null && last.PowerState == VmPowerState.Running && last.AgentReady)
                            return;
                        await pace.WaitAsync(ct).ConfigureAwait(false);
                    }
                }, 60).ConfigureAwait(false);
            }
            catch (ImageToolsException e) when (e.RuleId == ErrorIds.OperationTimedOut && last != null)
            {
                throw new ImageToolsException(nameof(GuestAgentNotReady),
                    $"Clone '{_names.Vm.Name}' was created but its guest agent did not report Ready within {OperationRun.Format(_request.GuestTimeout)} " +
                    $"(power state {last.PowerState.Text()}, agent '{last.AgentStatus}'); it is left as it is.",
                    "Check the clone's boot diagnostics, then rerun the same command (the clone is reused), or remove it.",
                    _names.Vm.Id, FailureCategory.ResourceUnavailable, e);
            }
        }
    }
}
