using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Rules.Generalize;
using ImageTools.Engine.Rules.Restore;

namespace ImageTools.Engine.Operations.Restore
{
    /// <summary>The writes of a restore: disks copied from the snapshots, the swap and start, or a new VM on them; then the wait for the agent.</summary>
    internal sealed class RestoreSteps
    {
        private readonly OperationRun _run;
        private readonly IDiskGateway _disks;
        private readonly IDeployGateway _network;
        private readonly RestoreRequest _request;

        public RestoreSteps(OperationRun run, IDiskGateway disks, IDeployGateway network, RestoreRequest request)
        {
            _run = run;
            _disks = disks;
            _network = network;
            _request = request;
        }

        private IAzureGateway Azure => _run.Gateway;

        public static ArmId NicId(RestoreFacts facts) =>
            ArmId.Of(facts.NewVm.SubscriptionId, facts.NewVm.ResourceGroupName, "Microsoft.Network/networkInterfaces", facts.NewVm.Name + "-nic");

        public static bool HasEvidenceTag(VmState vm) => vm.Tags.Keys.Any(k => string.Equals(k, GuestStepMarker.TagName, StringComparison.OrdinalIgnoreCase));

        public async Task<ArmId> CopyAsync(RestoreFacts facts, RestorePoint point)
        {
            var created = await _run.StepAsync($"creating disk '{point.RestoredId.Name}' from snapshot '{point.SnapshotId.Name}'", _run.Options.OperationTimeout,
                ct => _disks.CreateDiskAsync(new DiskSpec
                {
                    Id = point.RestoredId, Location = facts.Vm.Location, SourceId = point.SnapshotId, SkuName = point.Current?.SkuName ?? "",
                    Zones = facts.Vm.Zones,
                    Tags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [RestoreFacts.RestoredFromTag] = facts.Vm.Id.Id },
                }, ct), 20).ConfigureAwait(false);
            return created.Id ?? point.RestoredId;
        }

        public async Task SwapAndStartAsync(RestoreFacts facts, IDictionary<int, ArmId> restored)
        {
            var vm = facts.Vm;
            if (vm.PowerState != VmPowerState.Deallocated)
                await _run.StepAsync("deallocating the VM", _run.Options.OperationTimeout, ct => Azure.DeallocateVmAsync(vm.Id, ct), 40).ConfigureAwait(false);
            var data = restored.Where(r => r.Key >= 0).ToDictionary(r => r.Key, r => r.Value);
            await _run.StepAsync("swapping in the restored disks", _run.Options.OperationTimeout,
                ct => _disks.SwapDisksAsync(vm.Id, restored[-1], data, ct), 60).ConfigureAwait(false);
            if (HasEvidenceTag(vm))
            {
                var tags = vm.Tags.Where(t => !string.Equals(t.Key, GuestStepMarker.TagName, StringComparison.OrdinalIgnoreCase))
                    .ToDictionary(t => t.Key, t => t.Value, StringComparer.OrdinalIgnoreCase);
                await _run.StepAsync($"removing the {GuestStepMarker.TagName} tag", _run.Options.OperationTimeout, ct => Azure.SetVmTagsAsync(vm.Id, tags, ct), 70).ConfigureAwait(false);
            }
            await _run.StepAsync("starting the VM", _run.Options.OperationTimeout, ct => Azure.StartVmAsync(vm.Id, ct), 80).ConfigureAwait(false);
        }

        public async Task CreateVmAsync(RestoreFacts facts, IDictionary<int, ArmId> restored)
        {
            var vm = facts.Vm;
            var nicId = NicId(facts);
            var tags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [RestoreFacts.RestoredFromTag] = vm.Id.Id };
            await _run.StepAsync($"creating NIC '{nicId.Name}'", _run.Options.OperationTimeout, ct => _network.CreateNicAsync(new NicSpec
            {
                Id = nicId, Location = vm.Location, SubnetId = ArmId.Parse(facts.Nic!.SubnetId), Tags = tags,
            }, ct), 50).ConfigureAwait(false);
            await _run.StepAsync($"creating VM '{facts.NewVm.Name}' on the restored disks", _run.Options.OperationTimeout, ct => _disks.CreateVmOnDisksAsync(new AttachedVmSpec
            {
                Id = facts.NewVm, Location = vm.Location, VmSize = vm.VmSize, Zones = vm.Zones, OsType = vm.OsType, SecurityType = vm.SecurityType,
                OsDiskId = restored[-1], DataDiskIds = restored.Where(r => r.Key >= 0).ToDictionary(r => r.Key, r => r.Value), NicId = nicId, Tags = tags,
            }, ct), 70).ConfigureAwait(false);
        }

        /// <summary>The restored guest boots as it was: running, with its agent Ready.</summary>
        public async Task<VmState> WaitForAgentAsync(ArmId vmId)
        {
            VmState? last = null;
            try
            {
                return await _run.StepAsync("waiting for the guest agent to report Ready", _request.GuestTimeout, async ct =>
                {
                    var pace = _run.GuestPace();
                    while (true)
                    {
                        last = await Azure.GetVmAsync(vmId, ct).ConfigureAwait(false);
                        if (last != null && last.PowerState == VmPowerState.Running && last.AgentReady)
                            return last;
                        await pace.WaitAsync(ct).ConfigureAwait(false);
                    }
                }, 90).ConfigureAwait(false);
            }
            catch (ImageToolsException e) when (e.RuleId == ErrorIds.OperationTimedOut && last != null)
            {
                throw new ImageToolsException(nameof(GuestAgentNotReady),
                    $"VM '{vmId.Name}' runs on the restored disks, but its guest agent did not report Ready within {OperationRun.Format(_request.GuestTimeout)} " +
                    $"(power state {last.PowerState.Text()}, agent '{last.AgentStatus}').",
                    "Check the VM's boot diagnostics; the restored disks and the disks it had are all kept.", vmId.Id, FailureCategory.ResourceUnavailable, e);
            }
        }
    }
}
