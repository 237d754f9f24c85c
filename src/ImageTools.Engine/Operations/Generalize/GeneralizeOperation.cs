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
using ImageTools.Models;

namespace ImageTools.Engine.Operations.Generalize
{
    /// <summary>
    /// Invoke-VmGeneralize: read the VM, run the preflight, then (each step skipped when an
    /// earlier run finished it) start the VM if asked, probe the guest's domain membership (a
    /// read-only run command, the only POST before a domain refusal besides the asked-for start,
    /// which is undone when the probe refuses), snapshot the disks, generalize the guest (Sysprep / waagent) and read the
    /// evidence that it took, record that evidence on the VM (one tag), power the VM off and deallocate it from the platform
    /// (one operation), mark the VM generalized and confirm OSState/generalized.
    /// </summary>
    internal sealed class GeneralizeOperation : Operation<GeneralizeFacts>
    {
        private readonly GeneralizeRequest _request;
        private readonly OperationRun _run;
        private readonly ArmId _vmId;

        private GeneralizeOperation(GeneralizeRequest request, OperationRun run, ArmId vmId) : base(run)
        {
            _request = request;
            _run = run;
            _vmId = vmId;
            _guest = new GuestAgent(run, vmId, request);
            _power = new VmPowerSteps(run, vmId, request);
            EmitsDoneResultUnderWhatIf = true;
        }

        private IAzureGateway Azure => _run.Gateway;
        private IOperationSink Sink => _run.Sink;
        private readonly GuestAgent _guest;
        private readonly VmPowerSteps _power;

        /// <summary>
        /// Reads the VM and its pre-generalize snapshots and evaluates the ARM rules; writes nothing.
        /// The domain probe needs a run command (a POST, and a running VM): it is a plan step, run
        /// first by <see cref="PreparedOperation.ExecuteAsync"/> once the plan is confirmed.
        /// </summary>
        public static async Task<PreparedOperation> PrepareAsync(GeneralizeRequest request, IOperationSink sink, CancellationToken ct, IAzureGateway gateway,
            EngineOptions options, string subscriptionId)
        {
            var vmId = ArmId.Resolve(request.Vm, subscriptionId, ArmId.VirtualMachines);
            OperationRun.RequirePositive(request.GuestTimeout, "GuestTimeout");
            OperationRun.RequirePositive(request.ShutdownTimeout, "ShutdownTimeout");
            if (request.GuestPollInterval is TimeSpan interval)
                OperationRun.RequirePositive(interval, "GuestPollInterval");
            var run = new OperationRun(sink, ct, gateway, options, $"Generalize VM '{vmId.Name}'",
                "A VM whose guest step was verified is recognised by the evidence in its imagetools-guest-generalized tag; snapshots are reused.");
            var operation = new GeneralizeOperation(request, run, vmId);
            await operation.PrepareAsync().ConfigureAwait(false);
            return operation;
        }

        private protected override PreflightResult Evaluate(GeneralizeFacts facts) => Rules.Preflight.Evaluate(GeneralizeRules.Arm, facts);

        private protected override void Prepared(GeneralizeFacts facts)
        {
            _guest.OsSnapshotName = facts.Snapshots.FirstOrDefault(s => s.Disk.Lun < 0)?.Id.Name;
            DeclinedMessage = $"Declined: nothing was changed on VM '{facts.Vm.Name}'.";
            if (facts.NeedsDomainProbe)
                WhatIfNotes = new[]
                {
                    "DomainJoined and DomainController cannot be known without the probe: ARM does not expose domain membership, " +
                    "and -WhatIf does not run the read-only run command that reads it in the guest.",
                };
        }

        private protected override Task<object?> EmitDoneAsync(GeneralizeFacts facts) => Task.FromResult<object?>(Emit(facts.Vm, Array.Empty<ArmId>()));

        private protected override async Task<object?> RunStepsAsync(GeneralizeFacts facts)
        {
            var vm = facts.Vm;
            var foundPowerState = vm.PowerState;
            var started = false;
            if (facts.GuestStepNeeded && vm.PowerState != VmPowerState.Running)
            {
                vm = await _power.StartAsync().ConfigureAwait(false);
                started = true;
            }

            if (facts.NeedsDomainProbe)
            {
                var guest = await _guest.ProbeDomainAsync().ConfigureAwait(false);
                var guestFindings = Rules.Preflight.Evaluate(GeneralizeRules.Guest, facts.WithGuest(guest));
                if (guestFindings.Refusals.Count > 0 && started)
                    guestFindings = await _power.ReturnToFoundPowerStateAsync(guestFindings, foundPowerState).ConfigureAwait(false);
                guestFindings.Report(Sink);
            }

            var snapshotIds = facts.GuestStepNeeded && !_request.SkipSnapshot
                ? await SnapshotAsync(facts).ConfigureAwait(false)
                : facts.Snapshots.Where(s => s.Reusable).Select(s => s.Existing!.Id).ToList();

            if (facts.GuestStepNeeded)
            {
                var evidence = facts.IsWindows
                    ? await _guest.SysprepAsync().ConfigureAwait(false)
                    : await _guest.DeprovisionAsync().ConfigureAwait(false);
                await RecordEvidenceAsync(evidence).ConfigureAwait(false);
            }
            else if (facts.Evidence is GuestStepEvidence earlier)
            {
                Sink.WriteVerbose($"The guest step was verified by an earlier run ({earlier}); " +
                    (earlier.IsSysprep ? "Sysprep is not run again." : "deprovisioning is not run again."));
            }

            var power = await _power.SettledPowerStateAsync(facts.GuestStepNeeded ? VmPowerState.Running : vm.PowerState).ConfigureAwait(false);
            await _power.DeallocateAsync(power).ConfigureAwait(false);
            await _run.StepAsync("marking the VM generalized", _run.Options.OperationTimeout,
                ct => Azure.GeneralizeVmAsync(_vmId, ct), 90).ConfigureAwait(false);
            vm = await ReadVmAsync("confirming OSState/generalized").ConfigureAwait(false);
            if (!vm.IsGeneralized)
                throw new ImageToolsException(ErrorIds.GeneralizeNotConfirmed,
                    $"VM '{vm.Name}' was marked generalized, but its instance view does not show OSState/generalized (power state {vm.PowerState.Text()}).",
                    "Check the VM's instance view (Get-AzVM -Status), then rerun; finished steps are recognised.", vm.Id.Id);
            _run.Completed();
            return Emit(vm, snapshotIds);
        }

        private VmInfo Emit(VmState vm, IEnumerable<ArmId> snapshotIds)
        {
            var info = ModelMapper.ToVmInfo(vm, snapshotIds);
            Sink.WriteObject(info);
            return info;
        }

        // ---- reading ----

        private protected override async Task<GeneralizeFacts> ReadFactsAsync()
        {
            var vm = await ReadVmAsync("reading the VM").ConfigureAwait(false);
            var snapshots = new List<PlannedSnapshot>();
            if (!_request.SkipSnapshot && !vm.IsGeneralized && !vm.HasUnmanagedDisks)
            {
                // Read side by side: one round trip for all the disks.
                var disks = new[] { vm.OsDisk }.Concat(vm.DataDisks.OrderBy(d => d.Lun)).ToList();
                var ids = disks.Select(disk => ArmId.Of(vm.SubscriptionId, vm.ResourceGroupName, ArmId.Snapshots, PlannedSnapshot.NameFor(vm.Name, disk))).ToList();
                var existing = await _run.StepAsync("reading the pre-generalize snapshots", _run.Options.OperationTimeout,
                    ct => Task.WhenAll(ids.Select(id => Azure.GetSnapshotAsync(id, ct)))).ConfigureAwait(false);
                snapshots.AddRange(disks.Select((disk, i) => new PlannedSnapshot(disk, ids[i], existing[i])));
            }
            return new GeneralizeFacts(_request, vm, snapshots);
        }

        private async Task<VmState> ReadVmAsync(string step) =>
            await _run.StepAsync(step, _run.Options.OperationTimeout, ct => Azure.GetVmAsync(_vmId, ct)).ConfigureAwait(false)
            ?? throw new ImageToolsException(ErrorIds.VmNotFound,
                $"VM '{_vmId.Name}' was not found in resource group '{_vmId.ResourceGroupName}' (subscription {_vmId.SubscriptionId}).",
                "Check the name, the resource group and the subscription (-SubscriptionId), or pipe the VM in from Get-AzVM.",
                _vmId.Id, FailureCategory.ObjectNotFound);

        private protected override OperationPlan PlanFor(GeneralizeFacts facts)
        {
            var plan = new OperationPlan();
            var vm = facts.Vm;
            if (vm.IsGeneralized)
                return plan;
            if (facts.GuestStepNeeded && vm.PowerState != VmPowerState.Running)
                plan.Add(vm.Id, "Start the VM (-Start)");
            if (facts.NeedsDomainProbe)
                plan.Add(vm.Id, ProbeStep);
            if (facts.GuestStepNeeded)
            {
                foreach (var snapshot in facts.Snapshots.Where(s => !s.Reusable))
                    plan.Add(snapshot.Id.Id, $"Snapshot disk '{snapshot.Disk.Name}' ({PlannedSnapshot.Slot(snapshot.Disk)}) before generalizing, kept {_request.SnapshotRetentionDays} days ({PlannedSnapshot.RetainUntilTag})");
                plan.Add(vm.Id, facts.IsWindows
                    ? $"Run {GuestScripts.SysprepCommandLine} in the guest (irreversible)"
                    : $"Run {GuestScripts.DeprovisionCommandLine(_request.CloudInitClean)} in the guest (irreversible)");
            }
            plan.Add(vm.Id, vm.PowerState == VmPowerState.Running || facts.GuestStepNeeded ? PowerOffStep : "Deallocate the VM");
            plan.Add(vm.Id, "Mark the VM generalized (it can no longer be started)");
            return plan;
        }

        // ---- steps ----

        /// <summary>
        /// The guest is never trusted to stop itself: Sysprep /quit leaves the sealed guest running
        /// (and waagent never stops it), so the platform powers the VM off once the evidence is read,
        /// by deallocating it (one operation: the power-off is part of it).
        /// </summary>
        internal const string PowerOffStep = "Power off the VM from the platform and deallocate it";

        /// <summary>The probe's plan step: a run command that only reads, but a POST all the same.</summary>
        internal const string ProbeStep = "Probe domain membership (read-only run command)";

        /// <summary>The missing pre-generalize snapshots, taken side by side; the ones an earlier run took are reused.</summary>
        private async Task<List<ArmId>> SnapshotAsync(GeneralizeFacts facts)
        {
            var vm = facts.Vm;
            foreach (var snapshot in facts.Snapshots.Where(s => s.Reusable))
                Sink.WriteVerbose($"Snapshot '{snapshot.Id.Name}' of disk '{snapshot.Disk.Name}' exists from an earlier run; reused.");
            var missing = facts.Snapshots.Where(s => !s.Reusable).ToList();
            var retainUntil = PlannedSnapshot.RetainUntil(DateTimeOffset.UtcNow, _request.SnapshotRetentionDays);
            var step = missing.Count == 1 ? $"snapshotting disk '{missing[0].Disk.Name}'" : $"snapshotting {missing.Count} disks ({string.Join(", ", missing.Select(s => s.Disk.Name))})";
            var created = missing.Count == 0 ? Array.Empty<SnapshotState>() : await _run.StepAsync(step, _run.Options.OperationTimeout,
                ct => Task.WhenAll(missing.Select(snapshot => Azure.CreateSnapshotAsync(new SnapshotSpec
                {
                    SubscriptionId = snapshot.Id.SubscriptionId,
                    ResourceGroupName = snapshot.Id.ResourceGroupName,
                    Name = snapshot.Id.Name,
                    Location = vm.Location,
                    SourceDiskId = snapshot.Disk.ManagedDiskId!,
                    OsType = snapshot.Disk.Lun < 0 ? vm.OsType : "",
                    HyperVGeneration = snapshot.Disk.Lun < 0 ? vm.HyperVGeneration : "",
                    Tags = new Dictionary<string, string>
                    {
                        [PlannedSnapshot.SourceVmTag] = vm.Name,
                        [PlannedSnapshot.RetainUntilTag] = retainUntil,
                    },
                }, ct))), 20).ConfigureAwait(false);
            return facts.Snapshots.Select(s => s.Reusable ? s.Existing!.Id
                : created[missing.IndexOf(s)].Id ?? s.Id).ToList();
        }

        /// <summary>
        /// Records the evidence just read on the VM (its one tag, merged into the others through the
        /// tags resource, answered at once), so a rerun after a later failure skips the guest step
        /// and capture can tell this VM was generalized with evidence.
        /// </summary>
        private async Task RecordEvidenceAsync(string evidence)
        {
            var value = GuestStepMarker.Value(evidence, DateTimeOffset.UtcNow);
            await _run.StepAsync($"recording the evidence on the VM ({GuestStepMarker.TagName} = '{value}')", _run.Options.OperationTimeout,
                ct => Azure.SetVmTagsAsync(_vmId, new Dictionary<string, string> { [GuestStepMarker.TagName] = value }, ct), 60).ConfigureAwait(false);
        }
    }
}
