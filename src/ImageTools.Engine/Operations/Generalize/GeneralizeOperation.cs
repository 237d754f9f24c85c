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
    /// evidence that it took, record that evidence on the VM (one tag), power the VM off from the platform, deallocate, mark
    /// the VM generalized and confirm OSState/generalized.
    /// </summary>
    internal sealed class GeneralizeOperation : PreparedOperation
    {
        private readonly GeneralizeRequest _request;
        private readonly OperationRun _run;
        private readonly ArmId _vmId;
        private GeneralizeFacts _facts = null!;

        private GeneralizeOperation(GeneralizeRequest request, OperationRun run, ArmId vmId) : base(run)
        {
            _request = request;
            _run = run;
            _vmId = vmId;
            EmitsDoneResultUnderWhatIf = true;
        }

        private IAzureGateway Azure => _run.Gateway;
        private IOperationSink Sink => _run.Sink;

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
            var run = new OperationRun(sink, ct, gateway, options, $"Generalize VM '{vmId.Name}'",
                "A VM whose guest step was verified is recognised by the evidence in its imagetools-guest-generalized tag; snapshots are reused.");
            var operation = new GeneralizeOperation(request, run, vmId);
            await operation.PrepareAsync().ConfigureAwait(false);
            return operation;
        }

        private async Task PrepareAsync()
        {
            var facts = _facts = await ReadFactsAsync().ConfigureAwait(false);
            _osSnapshotName = facts.Snapshots.FirstOrDefault(s => s.Disk.Lun < 0)?.Id.Name;
            Preflight = Rules.Preflight.Evaluate(GeneralizeRules.Arm, facts);
            Plan = PlanFor(facts);
            DeclinedMessage = $"Declined: nothing was changed on VM '{facts.Vm.Name}'.";
            if (facts.NeedsDomainProbe)
                WhatIfNotes = new[]
                {
                    "DomainJoined and DomainController cannot be known without the probe: ARM does not expose domain membership, " +
                    "and -WhatIf does not run the read-only run command that reads it in the guest.",
                };
            if (AlreadyDone is Finding done)
                Sink.WriteVerbose(done.Message);
        }

        private protected override async Task<object?> ExecuteCoreAsync()
        {
            var facts = _facts;
            var vm = facts.Vm;
            if (AlreadyDone != null)
                return Emit(vm, Array.Empty<string>());

            var foundPowerState = vm.PowerState;
            var started = false;
            if (facts.GuestStepNeeded && vm.PowerState != "running")
            {
                vm = await StartAsync().ConfigureAwait(false);
                started = true;
            }

            if (facts.NeedsDomainProbe)
            {
                var guest = await ProbeDomainAsync().ConfigureAwait(false);
                var guestFindings = Rules.Preflight.Evaluate(GeneralizeRules.Guest, facts.WithGuest(guest));
                if (guestFindings.Refusals.Count > 0 && started)
                    guestFindings = await ReturnToFoundPowerStateAsync(guestFindings, foundPowerState).ConfigureAwait(false);
                guestFindings.Report(Sink);
            }

            var snapshotIds = facts.GuestStepNeeded && !_request.SkipSnapshot
                ? await SnapshotAsync(facts).ConfigureAwait(false)
                : facts.Snapshots.Where(s => s.Reusable).Select(s => s.Existing!.Id).ToList();

            if (facts.GuestStepNeeded)
            {
                var evidence = facts.IsWindows
                    ? await SysprepAsync().ConfigureAwait(false)
                    : await DeprovisionAsync().ConfigureAwait(false);
                await RecordEvidenceAsync(vm, evidence).ConfigureAwait(false);
            }
            else if (facts.Evidence is GuestStepEvidence earlier)
            {
                Sink.WriteVerbose($"The guest step was verified by an earlier run ({earlier}); " +
                    (earlier.IsSysprep ? "Sysprep is not run again." : "deprovisioning is not run again."));
            }

            var power = await StopAsync().ConfigureAwait(false);
            await DeallocateAsync(power).ConfigureAwait(false);
            await _run.StepAsync("marking the VM generalized", _run.Options.OperationTimeout,
                ct => Azure.GeneralizeVmAsync(_vmId.Id, ct), 90).ConfigureAwait(false);
            vm = await ReadVmAsync("confirming OSState/generalized").ConfigureAwait(false);
            if (!vm.IsGeneralized)
                throw new ImageToolsException("GeneralizeNotConfirmed",
                    $"VM '{vm.Name}' was marked generalized, but its instance view does not show OSState/generalized (power state {vm.PowerState}).",
                    "Check the VM's instance view (Get-AzVM -Status), then rerun; finished steps are recognised.", vm.Id);
            _run.Completed();
            return Emit(vm, snapshotIds);
        }

        private VmInfo Emit(VmState vm, IEnumerable<string> snapshotIds)
        {
            var info = ModelMapper.ToVmInfo(vm, snapshotIds);
            Sink.WriteObject(info);
            return info;
        }

        // ---- reading ----

        private async Task<GeneralizeFacts> ReadFactsAsync()
        {
            var vm = await ReadVmAsync("reading the VM").ConfigureAwait(false);
            var snapshots = new List<PlannedSnapshot>();
            if (!_request.SkipSnapshot && !vm.IsGeneralized && !vm.HasUnmanagedDisks)
            {
                foreach (var disk in new[] { vm.OsDisk }.Concat(vm.DataDisks.OrderBy(d => d.Lun)))
                {
                    var id = ArmId.Of(vm.SubscriptionId, vm.ResourceGroupName, ArmId.Snapshots, PlannedSnapshot.NameFor(vm.Name, disk));
                    var existing = await _run.StepAsync($"reading the pre-generalize snapshot {id.Name}", _run.Options.OperationTimeout,
                        ct => Azure.GetSnapshotAsync(id.Id, ct)).ConfigureAwait(false);
                    snapshots.Add(new PlannedSnapshot(disk, id, existing));
                }
            }
            return new GeneralizeFacts(_request, vm, snapshots);
        }

        private async Task<VmState> ReadVmAsync(string step) =>
            await _run.StepAsync(step, _run.Options.OperationTimeout, ct => Azure.GetVmAsync(_vmId.Id, ct)).ConfigureAwait(false)
            ?? throw new ImageToolsException("VmNotFound",
                $"VM '{_vmId.Name}' was not found in resource group '{_vmId.ResourceGroupName}' (subscription {_vmId.SubscriptionId}).",
                "Check the name, the resource group and the subscription (-SubscriptionId), or pipe the VM in from Get-AzVM.",
                _vmId.Id, FailureCategory.ObjectNotFound);

        private OperationPlan PlanFor(GeneralizeFacts facts)
        {
            var plan = new OperationPlan();
            var vm = facts.Vm;
            if (vm.IsGeneralized)
                return plan;
            if (facts.GuestStepNeeded && vm.PowerState != "running")
                plan.Add(vm.Id, "Start the VM (-Start)");
            if (facts.NeedsDomainProbe)
                plan.Add(vm.Id, ProbeStep);
            if (facts.GuestStepNeeded)
            {
                foreach (var snapshot in facts.Snapshots.Where(s => !s.Reusable))
                    plan.Add(snapshot.Id.Id, $"Snapshot disk '{snapshot.Disk.Name}' ({PlannedSnapshot.Slot(snapshot.Disk)}) before generalizing");
                plan.Add(vm.Id, facts.IsWindows
                    ? $"Run {GuestScripts.SysprepCommandLine} in the guest (irreversible)"
                    : $"Run {GuestScripts.DeprovisionCommandLine(_request.CloudInitClean)} in the guest (irreversible)");
            }
            if (vm.PowerState == "running" || facts.GuestStepNeeded)
                plan.Add(vm.Id, PowerOffStep);
            plan.Add(vm.Id, "Deallocate the VM");
            plan.Add(vm.Id, "Mark the VM generalized (it can no longer be started)");
            return plan;
        }

        // ---- steps ----

        private async Task<VmState> StartAsync()
        {
            await _run.StepAsync("starting the VM", _run.Options.OperationTimeout, ct => Azure.StartVmAsync(_vmId.Id, ct), 5).ConfigureAwait(false);
            // The agent reports Ready a while after boot; Run Command needs it.
            VmState? last = null;
            try
            {
                return await _run.StepAsync("waiting for the guest agent to report Ready", _request.GuestTimeout, async ct =>
                {
                    while (true)
                    {
                        last = await Azure.GetVmAsync(_vmId.Id, ct).ConfigureAwait(false);
                        if (last != null && last.PowerState == "running" && last.AgentReady)
                            return last;
                        await _run.PauseAsync(ct).ConfigureAwait(false);
                    }
                }, 10).ConfigureAwait(false);
            }
            catch (ImageToolsException e) when (e.RuleId == "OperationTimedOut" && last != null)
            {
                // The same rule as for a running VM, judged on the state seen when the wait ended.
                var finding = new GuestAgentNotReady().Evaluate(new GeneralizeFacts(_request, last, Array.Empty<PlannedSnapshot>()));
                if (finding == null)
                    throw;
                throw new ImageToolsException(finding.RuleId,
                    finding.Message + $" The VM was started and waited on for {OperationRun.Format(_request.GuestTimeout)}; it is left running.",
                    finding.Remedy, finding.TargetId, finding.Category, e);
            }
        }

        /// <summary>
        /// The guest is never trusted to stop itself: Sysprep /quit leaves the sealed guest running
        /// (and waagent never stops it), so the platform powers the VM off once the evidence is read.
        /// </summary>
        internal const string PowerOffStep = "Power off the VM from the platform";

        /// <summary>The probe's plan step: a run command that only reads, but a POST all the same.</summary>
        internal const string ProbeStep = "Probe domain membership (read-only run command)";

        /// <summary>
        /// The guest refused (domain member or controller) after the engine started the VM for
        /// the probe (-Start): the VM is returned to the power state it was found in, and the
        /// refusal says so. A failure to do that is reported in the refusal too; the refusal stands.
        /// </summary>
        private async Task<PreflightResult> ReturnToFoundPowerStateAsync(PreflightResult refused, string foundPowerState)
        {
            string outcome;
            try
            {
                if (foundPowerState == "deallocated")
                {
                    await _run.StepAsync("deallocating the VM again (it was found deallocated)", _run.Options.OperationTimeout,
                        ct => Azure.DeallocateVmAsync(_vmId.Id, ct)).ConfigureAwait(false);
                    outcome = "The VM was started only for the probe (-Start) and has been deallocated again, as it was found.";
                }
                else
                {
                    await _run.StepAsync("stopping the VM again (it was found stopped)", _run.Options.OperationTimeout,
                        ct => Azure.PowerOffVmAsync(_vmId.Id, ct)).ConfigureAwait(false);
                    outcome = "The VM was started only for the probe (-Start) and has been stopped again, as it was found.";
                }
            }
            catch (Exception e) when (e is AzureRequestException || (e is ImageToolsException t && t.RuleId == "OperationTimedOut"))
            {
                outcome = $"The VM was started for the probe (-Start) and could not be returned to {foundPowerState} ({e.Message}); it is left running.";
            }
            Sink.WriteVerbose(outcome);
            return new PreflightResult(refused.Findings.Select(f => f.Severity == FindingSeverity.Refusal
                ? new Finding(f.RuleId, f.Severity, f.Message + " " + outcome, f.Remedy, f.TargetId, f.Category)
                : f).ToList());
        }

        private async Task<GuestIdentity> ProbeDomainAsync()
        {
            var result = await _run.StepAsync("probing the guest's domain membership", _request.GuestTimeout,
                ct => RunGuestCommandAsync(GuestScripts.PowerShell, GuestScripts.DomainProbe, ct), 15).ConfigureAwait(false);
            var guest = GuestScripts.ParseDomainProbe(result.StdOut);
            Sink.WriteVerbose($"Guest reports PartOfDomain={guest.PartOfDomain}, DomainRole={guest.DomainRole}.");
            return guest;
        }

        private async Task<List<string>> SnapshotAsync(GeneralizeFacts facts)
        {
            var ids = new List<string>();
            foreach (var snapshot in facts.Snapshots)
            {
                if (snapshot.Reusable)
                {
                    Sink.WriteVerbose($"Snapshot '{snapshot.Id.Name}' of disk '{snapshot.Disk.Name}' exists from an earlier run; reused.");
                    ids.Add(snapshot.Existing!.Id);
                    continue;
                }
                var vm = facts.Vm;
                var created = await _run.StepAsync($"snapshotting disk '{snapshot.Disk.Name}'", _run.Options.OperationTimeout,
                    ct => Azure.CreateSnapshotAsync(new SnapshotSpec
                    {
                        SubscriptionId = snapshot.Id.SubscriptionId,
                        ResourceGroupName = snapshot.Id.ResourceGroupName,
                        Name = snapshot.Id.Name,
                        Location = vm.Location,
                        SourceDiskId = snapshot.Disk.ManagedDiskId,
                        OsType = snapshot.Disk.Lun < 0 ? vm.OsType : "",
                        HyperVGeneration = snapshot.Disk.Lun < 0 ? vm.HyperVGeneration : "",
                        Tags = new Dictionary<string, string> { [PlannedSnapshot.SourceVmTag] = vm.Name },
                    }, ct), 20).ConfigureAwait(false);
                ids.Add(created.Id.Length > 0 ? created.Id : snapshot.Id.Id);
            }
            return ids;
        }

        /// <summary>
        /// Runs Sysprep (/quit: the sealed guest keeps running) and waits until ImageState reads
        /// IMAGE_STATE_GENERALIZE_RESEAL_TO_OOBE in the guest: that reading is the only evidence the
        /// image was sealed. Returns the evidence to record on the VM.
        /// </summary>
        private async Task<string> SysprepAsync()
        {
            try
            {
                return await SysprepStepAsync().ConfigureAwait(false);
            }
            catch (ImageToolsException e) when (e.RuleId == "OperationTimedOut")
            {
                if (_guestSilent != null)
                    throw SysprepNotSealed($"its guest agent stopped answering ({_guestSilent}) and did not answer again within {OperationRun.Format(_request.GuestTimeout)}", e);
                var seen = _lastImageState.Length > 0 ? _lastImageState : "no ImageState";
                throw new ImageToolsException("SysprepTimedOut",
                    $"Sysprep in VM '{_vmId.Name}' did not reach IMAGE_STATE_GENERALIZE_RESEAL_TO_OOBE within {OperationRun.Format(_request.GuestTimeout)} (last seen: {seen}; IMAGE_STATE_UNDEPLOYABLE that never moves means Sysprep failed or hangs). The VM was left as it is and not marked generalized.",
                    "Sign in to the guest and read C:\\Windows\\System32\\Sysprep\\Panther\\setupact.log and setuperr.log (a Store app installed for one user, or a pending update, often blocks Sysprep); fix it and rerun, or raise -GuestTimeout.",
                    _vmId.Id, FailureCategory.OperationTimeout, e);
            }
        }

        private Task<string> SysprepStepAsync() =>
            _run.StepAsync("running Sysprep in the guest and waiting for IMAGE_STATE_GENERALIZE_RESEAL_TO_OOBE", _request.GuestTimeout, async ct =>
            {
                var started = false;
                var sawWorking = false;
                while (true)
                {
                    var state = await ReadImageStateAsync(ct).ConfigureAwait(false);
                    if (state.StoppedIn.Length > 0)
                        throw SysprepNotSealed(started
                            ? $"the guest stopped (power state {state.StoppedIn}, {state.Why})"
                            : $"the guest stopped before Sysprep was started (power state {state.StoppedIn}, {state.Why})");
                    if (state.Silent.Length > 0)
                    {
                        // The agent may come back (a slow guest); if it does not, the time limit ends the wait.
                        if (_guestSilent == null)
                            Sink.WriteVerbose($"The guest agent stopped answering ({state.Silent}) before the seal was read; waiting for it to answer again.");
                        _guestSilent = state.Silent;
                        await _run.PauseAsync(ct).ConfigureAwait(false);
                        continue;
                    }
                    if (_guestSilent != null)
                    {
                        Sink.WriteVerbose("The guest agent answers again.");
                        _guestSilent = null;
                    }

                    if (!started)
                    {
                        Sink.WriteVerbose($"ImageState before Sysprep: {(state.ImageState.Length > 0 ? state.ImageState : "unknown")}");
                        _lastImageState = state.ImageState;
                        if (state.ImageState == GuestScripts.ImageStateSealed)
                        {
                            Sink.WriteVerbose($"The guest is already sealed: ImageState {GuestScripts.ImageStateSealed} was read from it (the evidence); Sysprep is not run again.");
                            return GuestStepMarker.SysprepSealed;
                        }
                        if (state.ImageState == GuestScripts.ImageStateUndeployable)
                        {
                            // An earlier Sysprep is still working (or failed): wait for it rather than start another.
                            if (state.SysprepExited)
                                throw SysprepUndeployable();
                            Sink.WriteVerbose("Sysprep from an earlier run is still working in the guest; waiting for it.");
                            sawWorking = true;
                        }
                        else
                        {
                            var run = await RunGuestCommandAsync(GuestScripts.PowerShell, GuestScripts.Sysprep, ct).ConfigureAwait(false);
                            if (run.StdErr.Length > 0)
                                throw new ImageToolsException("SysprepFailed",
                                    $"Sysprep could not start in VM '{_vmId.Name}': {run.StdErr} The VM was left as it is and not marked generalized.",
                                    "Fix the cause in the guest (C:\\Windows\\System32\\Sysprep\\Panther\\setuperr.log), then rerun.",
                                    _vmId.Id, FailureCategory.InvalidOperation);
                            Sink.WriteVerbose($"Started {GuestScripts.SysprepCommandLine}; reading ImageState until it is {GuestScripts.ImageStateSealed}.");
                        }
                        started = true;
                        await _run.PauseAsync(ct).ConfigureAwait(false);
                        continue;
                    }

                    if (state.ImageState.Length > 0 && state.ImageState != _lastImageState)
                        Sink.WriteVerbose($"ImageState: {state.ImageState}");
                    if (state.ImageState.Length > 0)
                        _lastImageState = state.ImageState;
                    if (_lastImageState == GuestScripts.ImageStateSealed)
                    {
                        Sink.WriteVerbose($"Sysprep sealed the image: ImageState {GuestScripts.ImageStateSealed} was read from the guest (the evidence). The guest keeps running (/quit) until the platform powers it off.");
                        return GuestStepMarker.SysprepSealed;
                    }
                    if (_lastImageState == GuestScripts.ImageStateUndeployable)
                    {
                        sawWorking = true;
                        if (state.SysprepExited)
                            throw SysprepUndeployable();
                    }
                    else if (state.ImageState.Length > 0 && (sawWorking || state.ImageState.StartsWith("IMAGE_STATE_SPECIALIZE", StringComparison.Ordinal)))
                    {
                        // Past UNDEPLOYABLE without the seal ever read: the guest went on (restarted into
                        // specialize / OOBE), so whatever Sysprep sealed is undone.
                        throw SysprepNotSealed($"ImageState moved on to {state.ImageState} (the guest restarted into specialize / OOBE, so the image is no longer generalized)");
                    }
                    await _run.PauseAsync(ct).ConfigureAwait(false);
                }
            }, 40);

        private string _lastImageState = "";

        /// <summary>Set while the guest agent does not answer (the ARM code and agent status seen); null while it does.</summary>
        private string? _guestSilent;

        /// <summary>The OS disk's pre-generalize snapshot (taken or reused), for the remedies; null with -SkipSnapshot.</summary>
        private string? _osSnapshotName;

        private ImageToolsException SysprepUndeployable() => new ImageToolsException("SysprepFailed",
            $"Sysprep failed in VM '{_vmId.Name}': the guest's ImageState is {GuestScripts.ImageStateUndeployable}. The VM was left as it is and not marked generalized.",
            "Sign in to the guest and read C:\\Windows\\System32\\Sysprep\\Panther\\setuperr.log; fix the cause (often an app provisioned for one user, or BitLocker), or rebuild the VM from its pre-generalize snapshot, then rerun.",
            _vmId.Id, FailureCategory.InvalidOperation);

        /// <summary>
        /// The guest stopped, stopped answering, or went past the seal before
        /// IMAGE_STATE_GENERALIZE_RESEAL_TO_OOBE was read: there is no evidence it was generalized,
        /// so the VM is not tagged, deallocated or marked generalized.
        /// </summary>
        private ImageToolsException SysprepNotSealed(string what, Exception? inner = null)
        {
            var seen = _lastImageState.Length > 0 ? _lastImageState : "no ImageState";
            var restore = _osSnapshotName != null
                ? $"restore the OS disk from the pre-generalize snapshot '{_osSnapshotName}'"
                : "rebuild the VM (no pre-generalize snapshot was taken: -SkipSnapshot)";
            return new ImageToolsException("SysprepNotSealed",
                $"Sysprep's seal was not read in VM '{_vmId.Name}': {what} before ImageState read {GuestScripts.ImageStateSealed}; last ImageState seen: {seen}. " +
                "Without that reading there is no evidence the guest was generalized (VMs built from an image of it could hang at provisioning), " +
                "so the VM was not tagged, deallocated or marked generalized.",
                "Find out why the guest stopped: read C:\\Windows\\System32\\Sysprep\\Panther\\setuperr.log (and setupact.log) in the guest. " +
                $"If Sysprep ran partly or the guest went on into OOBE, {restore}; then rerun Invoke-VmGeneralize.",
                _vmId.Id, FailureCategory.InvalidOperation, inner);
        }

        private sealed class ImageStateReading
        {
            public string ImageState { get; set; } = "";
            public bool SysprepExited { get; set; }

            /// <summary>The power state of a guest that stopped (run commands refused), else empty.</summary>
            public string StoppedIn { get; set; } = "";

            /// <summary>Why the read failed (the ARM code), when it did.</summary>
            public string Why { get; set; } = "";

            /// <summary>A running guest whose agent did not answer: the ARM code and the agent status; else empty.</summary>
            public string Silent { get; set; } = "";
        }

        /// <summary>
        /// Reads ImageState. A read that fails because the guest stopped, or because its agent does
        /// not answer, is reported as such (the caller decides); any other failure is thrown.
        /// </summary>
        private async Task<ImageStateReading> ReadImageStateAsync(CancellationToken ct)
        {
            try
            {
                var result = await RunGuestCommandAsync(GuestScripts.PowerShell, GuestScripts.ReadImageState, ct).ConfigureAwait(false);
                return new ImageStateReading
                {
                    ImageState = GuestScripts.ParseImageState(result.StdOut),
                    SysprepExited = result.StdOut.Contains(GuestScripts.SysprepNotRunning),
                };
            }
            catch (AzureRequestException e)
            {
                var vm = await Azure.GetVmAsync(_vmId.Id, ct).ConfigureAwait(false);
                if (vm == null)
                    throw;
                if (vm.PowerState != "running" && vm.PowerState != "starting")
                    return new ImageStateReading { StoppedIn = vm.PowerState, Why = $"run command answered {e.ArmCode}" };
                if (!vm.AgentReady)
                    return new ImageStateReading { Silent = $"{e.ArmCode}; agent {(vm.AgentStatus.Length > 0 ? "'" + vm.AgentStatus + "'" : "without a status")}" };
                throw;
            }
        }

        private async Task<bool> GuestIsDownAsync(CancellationToken ct)
        {
            var vm = await Azure.GetVmAsync(_vmId.Id, ct).ConfigureAwait(false);
            return vm != null && vm.PowerState != "running" && vm.PowerState != "starting";
        }

        /// <summary>
        /// Runs waagent -deprovision+user (and cloud-init clean) and reads its result: a succeeded
        /// status with nothing on stderr is the evidence. The agent goes Not Ready afterwards (waagent
        /// stops itself); that is expected, and the platform powers the VM off. Returns the evidence.
        /// </summary>
        private Task<string> DeprovisionAsync() =>
            _run.StepAsync("deprovisioning the Linux guest (waagent)", _request.GuestTimeout, async ct =>
            {
                GuestCommandResult result;
                try
                {
                    result = await RunGuestCommandAsync(GuestScripts.Shell, GuestScripts.Deprovision(_request.CloudInitClean), ct).ConfigureAwait(false);
                }
                catch (AzureRequestException e)
                {
                    if (!await GuestIsDownAsync(ct).ConfigureAwait(false))
                        throw;
                    // No result, no evidence: waagent does not stop the VM, something else did.
                    throw DeprovisionNotConfirmed(e.ArmCode);
                }
                // Checked before the VM is tagged, deallocated or marked generalized: a failed
                // deprovisioning must not be sealed into an image.
                if (GuestScripts.DeprovisionFailure(result) is string why)
                    throw DeprovisionFailed(why);
                var status = result.Codes.FirstOrDefault(c => c.Length > 0) ?? "no status code";
                Sink.WriteVerbose($"{GuestScripts.DeprovisionCommandLine(_request.CloudInitClean)} succeeded in the guest ({status}, nothing on stderr): " +
                    "this result is the evidence. The guest agent goes Not Ready after it; the platform powers the VM off.");
                return GuestStepMarker.WaagentDeprovisioned;
            }, 40);

        private ImageToolsException DeprovisionNotConfirmed(string armCode) => new ImageToolsException("DeprovisionNotConfirmed",
            $"The result of {GuestScripts.DeprovisionCommandLine(_request.CloudInitClean)} was not read in VM '{_vmId.Name}': the guest stopped before it answered (run command {armCode}). " +
            "Without that result there is no evidence the guest was deprovisioned, so the VM was not tagged, deallocated or marked generalized.",
            "Start the VM and read /var/log/waagent.log to see whether the deprovisioning ran to the end; " +
            (_osSnapshotName != null ? $"if it ran partly, restore the OS disk from the pre-generalize snapshot '{_osSnapshotName}'; " : "") +
            "then rerun Invoke-VmGeneralize.",
            _vmId.Id, FailureCategory.InvalidOperation);

        private ImageToolsException DeprovisionFailed(string why) => new ImageToolsException("DeprovisionFailed",
            $"Deprovisioning failed in VM '{_vmId.Name}' ({GuestScripts.DeprovisionCommandLine(_request.CloudInitClean)}): {why}. " +
            "The VM was left as it is: not tagged, deallocated or marked generalized.",
            "Sign in to the guest and read /var/log/waagent.log (and the command's stderr above); fix the cause (for example install or repair walinuxagent), then rerun. " +
            "If the guest was partly deprovisioned, rebuild it from its pre-generalize snapshot first.",
            _vmId.Id, FailureCategory.InvalidOperation);

        /// <summary>
        /// Runs a script through Run Command. A run command already executing (409) is waited on
        /// and retried until the step's time limit.
        /// </summary>
        private async Task<GuestCommandResult> RunGuestCommandAsync(string commandId, IList<string> script, CancellationToken ct)
        {
            while (true)
            {
                try
                {
                    return await Azure.RunCommandAsync(_vmId.Id, commandId, script, ct).ConfigureAwait(false);
                }
                catch (AzureRequestException e) when (IsRunCommandBusy(e))
                {
                    Sink.WriteVerbose("Another run command is still executing in the guest; waiting to retry.");
                    await _run.PauseAsync(ct).ConfigureAwait(false);
                }
            }
        }

        private static bool IsRunCommandBusy(AzureRequestException e) =>
            e.Status == 409 && e.ArmMessage.IndexOf("Run command extension execution is in progress", StringComparison.OrdinalIgnoreCase) >= 0;

        /// <summary>
        /// Records the evidence just read on the VM (one PATCH of its tags), so a rerun after a later
        /// failure skips the guest step and capture can tell this VM was generalized with evidence.
        /// </summary>
        private async Task RecordEvidenceAsync(VmState vm, string evidence)
        {
            var value = GuestStepMarker.Value(evidence, DateTimeOffset.UtcNow);
            var tags = new Dictionary<string, string>(vm.Tags, StringComparer.OrdinalIgnoreCase)
            {
                [GuestStepMarker.TagName] = value,
            };
            await _run.StepAsync($"recording the evidence on the VM ({GuestStepMarker.TagName} = '{value}')", _run.Options.OperationTimeout,
                ct => Azure.SetVmTagsAsync(_vmId.Id, tags, ct), 60).ConfigureAwait(false);
        }

        /// <summary>
        /// Powers the VM off from the platform once the guest step's evidence is read (the sealed
        /// guest keeps running after Sysprep /quit); waits while it is already stopping. Returns the
        /// power state it ended in.
        /// </summary>
        private Task<string> StopAsync() =>
            _run.StepAsync("powering off the VM", _request.ShutdownTimeout, async ct =>
            {
                while (true)
                {
                    var vm = await Azure.GetVmAsync(_vmId.Id, ct).ConfigureAwait(false);
                    var power = vm?.PowerState ?? "unknown";
                    if (power == "stopped" || power == "deallocated" || power == "deallocating")
                        return power;
                    if (power == "running")
                    {
                        await Azure.PowerOffVmAsync(_vmId.Id, ct).ConfigureAwait(false);
                        return "stopped";
                    }
                    await _run.PauseAsync(ct).ConfigureAwait(false);
                }
            }, 70);

        /// <summary>Deallocates: a stopped VM still holds (and bills) its hardware.</summary>
        private async Task DeallocateAsync(string power)
        {
            if (power == "deallocated")
                return;
            await _run.StepAsync("deallocating the VM", _run.Options.OperationTimeout, ct => Azure.DeallocateVmAsync(_vmId.Id, ct), 80).ConfigureAwait(false);
        }
    }
}
