using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Rules;
using ImageTools.Engine.Rules.Generalize;
using ImageTools.Engine.Rules.Restore;

namespace ImageTools.Engine.Operations.Restore
{
    /// <summary>
    /// Undo-VmGeneralize: the way back when Sysprep or deprovisioning failed. Every disk of the VM
    /// is copied from its pre-generalize snapshot (refused when one is missing or is not the VM's);
    /// the copies are swapped in while the VM is deallocated, and the VM starts as it was before.
    /// A VM that ARM already flags generalized stays so (the flag cannot be cleared): the restored
    /// disks then run as a new VM ('&lt;vm&gt;-restored' or -NewVmName) with a NIC of its own in the
    /// same subnet. The disks the VM had are kept, detached.
    /// </summary>
    internal sealed class RestoreOperation : Operation<RestoreFacts>
    {
        private readonly RestoreRequest _request;
        private readonly OperationRun _run;
        private readonly ArmId _vmId;
        private readonly IDiskGateway _disks;
        private readonly IDeployGateway _network;
        private readonly RestoreSteps _steps;

        private RestoreOperation(RestoreRequest request, OperationRun run, ArmId vmId, IDiskGateway disks, IDeployGateway network) : base(run)
        {
            _request = request;
            _run = run;
            _vmId = vmId;
            _disks = disks;
            _network = network;
            _steps = new RestoreSteps(run, disks, network, request);
            EmitsDoneResultUnderWhatIf = true;
        }

        private IAzureGateway Azure => _run.Gateway;

        public static async Task<PreparedOperation> PrepareAsync(RestoreRequest request, IOperationSink sink, CancellationToken ct, IAzureGateway gateway,
            IDiskGateway disks, IDeployGateway network, EngineOptions options, string subscriptionId)
        {
            var vmId = ArmId.Resolve(request.Vm, subscriptionId, ArmId.VirtualMachines);
            OperationRun.RequirePositive(request.GuestTimeout, "GuestTimeout");
            var run = new OperationRun(sink, ct, gateway, options, $"Restore VM '{vmId.Name}'",
                "Disks an earlier run copied from the snapshots are found again (imagetools-restored-from) and reused.");
            var operation = new RestoreOperation(request, run, vmId, disks, network);
            await operation.PrepareAsync().ConfigureAwait(false);
            return operation;
        }

        private protected override async Task<RestoreFacts> ReadFactsAsync()
        {
            var vm = await _run.StepAsync("reading the VM", _run.Options.OperationTimeout, ct => Azure.GetVmAsync(_vmId, ct)).ConfigureAwait(false)
                ?? throw new ImageToolsException(ErrorIds.VmNotFound,
                    $"VM '{_vmId.Name}' was not found in resource group '{_vmId.ResourceGroupName}' (subscription {_vmId.SubscriptionId}).",
                    "Check the name, the resource group and the subscription (-SubscriptionId), or pipe the VM in from Get-AzVM.",
                    _vmId.Id, FailureCategory.ObjectNotFound);
            var groupDisks = await _run.StepAsync("listing the disks of the resource group", _run.Options.OperationTimeout,
                ct => _disks.ListDisksAsync(vm.SubscriptionId, vm.ResourceGroupName, ct)).ConfigureAwait(false);
            var points = new List<RestorePoint>();
            var taken = new HashSet<string>(groupDisks.Select(d => d.Name), StringComparer.OrdinalIgnoreCase);
            foreach (var disk in new[] { vm.OsDisk }.Concat(vm.DataDisks.OrderBy(d => d.Lun)).Where(d => d.IsManaged))
            {
                var snapshotId = ArmId.Of(vm.SubscriptionId, vm.ResourceGroupName, ArmId.Snapshots, PlannedSnapshot.NameFor(vm.Name, disk));
                var snapshot = await _run.StepAsync($"reading the pre-generalize snapshot {snapshotId.Name}", _run.Options.OperationTimeout,
                    ct => Azure.GetSnapshotAsync(snapshotId, ct)).ConfigureAwait(false);
                var current = groupDisks.FirstOrDefault(d => d.Id.Equals(disk.ManagedDiskId));
                var reusable = groupDisks.FirstOrDefault(d => d.ManagedBy.Length == 0 && ArmId.SameId(d.SourceResourceId, snapshotId)
                    && RestoreFacts.IsRestoreOf(d.Tags, vm.Id));
                var restoredId = reusable != null ? ArmId.Of(vm.SubscriptionId, vm.ResourceGroupName, ArmId.Disks, reusable.Name)
                    : ArmId.Of(vm.SubscriptionId, vm.ResourceGroupName, ArmId.Disks, FreeName(vm.Name + "-" + PlannedSnapshot.Slot(disk) + "-restored", taken));
                taken.Add(restoredId.Name);
                points.Add(new RestorePoint(disk, current, snapshotId, snapshot, restoredId, reusable));
            }
            var newVm = ArmId.Of(vm.SubscriptionId, vm.ResourceGroupName, ArmId.VirtualMachines,
                string.IsNullOrWhiteSpace(_request.NewVmName) ? vm.Name + "-restored" : _request.NewVmName!.Trim());
            VmState? existingNewVm = null;
            NicState? nic = null;
            if (vm.IsGeneralized)
            {
                existingNewVm = await _run.StepAsync($"reading VM '{newVm.Name}'", _run.Options.OperationTimeout, ct => Azure.GetVmAsync(newVm, ct)).ConfigureAwait(false);
                if (vm.NetworkInterfaceIds.Length > 0)
                    nic = await _run.StepAsync("reading the VM's NIC", _run.Options.OperationTimeout, ct => _network.GetNicAsync(ArmId.Parse(vm.NetworkInterfaceIds[0]), ct)).ConfigureAwait(false);
            }
            return new RestoreFacts(_request, vm, points, newVm, existingNewVm, nic);
        }

        /// <summary>The stem, else the stem with -2, -3...: a disk restored earlier keeps its name.</summary>
        private static string FreeName(string stem, ISet<string> taken)
        {
            if (stem.Length > 76)
                stem = stem.Substring(0, 76);
            if (!taken.Contains(stem))
                return stem;
            for (var n = 2; ; n++)
                if (!taken.Contains(stem + "-" + n))
                    return stem + "-" + n;
        }

        private protected override PreflightResult Evaluate(RestoreFacts facts) => Rules.Preflight.Evaluate(RestoreRules.All, facts);

        private protected override OperationPlan PlanFor(RestoreFacts facts)
        {
            var plan = new OperationPlan();
            var vm = facts.Vm;
            var resume = facts.AsNewVm && facts.ExistingNewVm != null;
            if (!resume)
                foreach (var point in facts.Points.Where(p => p.Reusable == null))
                    plan.Add(point.RestoredId.Id, $"Create disk '{point.RestoredId.Name}' from snapshot '{point.SnapshotId.Name}'");
            if (facts.AsNewVm)
            {
                if (!resume)
                {
                    plan.Add(RestoreSteps.NicId(facts).Id, $"Create NIC '{RestoreSteps.NicId(facts).Name}' in the subnet of VM '{vm.Name}' (no public IP)");
                    plan.Add(facts.NewVm.Id, $"Create VM '{facts.NewVm.Name}' on the restored disks ({vm.VmSize}, {vm.HyperVGeneration}, {vm.SecurityType}): " +
                        $"VM '{vm.Name}' is flagged generalized in ARM, which cannot be undone");
                }
                else if (facts.ExistingNewVm!.PowerState != VmPowerState.Running)
                    plan.Add(facts.NewVm.Id, $"Start VM '{facts.NewVm.Name}'");
                return plan;
            }
            if (vm.PowerState != VmPowerState.Deallocated)
                plan.Add(vm.Id, "Deallocate the VM (a disk swap needs it deallocated)");
            var swaps = string.Join(", ", facts.Points.Select(p => $"'{p.RestoredId.Name}' for '{p.Disk.Name}'"));
            plan.AddHighImpact(vm.Id, $"Swap in the restored disks ({swaps}); the disks it has now are kept, detached");
            if (RestoreSteps.HasEvidenceTag(vm))
                plan.Add(vm.Id, $"Remove the {GuestStepMarker.TagName} tag (the restored guest was never generalized)");
            plan.Add(vm.Id, "Start the VM");
            return plan;
        }

        private protected override void Prepared(RestoreFacts facts)
        {
            DeclinedMessage = $"Declined: nothing was changed on VM '{facts.Vm.Name}'.";
            if (facts.AsNewVm && AlreadyDone == null)
                _run.Sink.WriteWarning($"VM '{facts.Vm.Name}' is flagged generalized in ARM, and that cannot be undone: its restored disks run as a new VM, " +
                    $"'{facts.NewVm.Name}'. Delete '{facts.Vm.Name}' once '{facts.NewVm.Name}' works.");
        }

        private protected override Task<object?> EmitDoneAsync(RestoreFacts facts) => Task.FromResult<object?>(Emit(facts.ExistingNewVm!));

        private protected override async Task<object?> RunStepsAsync(RestoreFacts facts)
        {
            var target = facts.AsNewVm ? facts.NewVm : _vmId;
            var resume = facts.AsNewVm && facts.ExistingNewVm != null;
            var restored = new Dictionary<int, ArmId>();
            if (!resume)
                foreach (var point in facts.Points)
                    restored[point.Disk.Lun] = point.Reusable?.Id ?? await _steps.CopyAsync(facts, point).ConfigureAwait(false);
            if (facts.AsNewVm)
            {
                if (!resume)
                    await _steps.CreateVmAsync(facts, restored).ConfigureAwait(false);
                else if (facts.ExistingNewVm!.PowerState != VmPowerState.Running)
                    await _run.StepAsync($"starting VM '{facts.NewVm.Name}'", _run.Options.OperationTimeout, ct => Azure.StartVmAsync(facts.NewVm, ct), 80).ConfigureAwait(false);
            }
            else
                await _steps.SwapAndStartAsync(facts, restored).ConfigureAwait(false);
            var vm = await _steps.WaitForAgentAsync(target).ConfigureAwait(false);
            foreach (var point in facts.Points.Where(_ => !facts.AsNewVm))
                _run.Sink.WriteVerbose($"Disk '{point.Disk.Name}' was swapped out and is kept, detached; remove it (Remove-AzDisk) once the VM works.");
            _run.Completed();
            return Emit(vm);
        }

        private object Emit(VmState vm)
        {
            var info = ModelMapper.ToVmInfo(vm);
            _run.Sink.WriteObject(info);
            return info;
        }
    }
}
