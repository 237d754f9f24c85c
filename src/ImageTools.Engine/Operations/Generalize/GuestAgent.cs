using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Rules.Generalize;

namespace ImageTools.Engine.Operations.Generalize
{
    /// <summary>
    /// The guest side of Invoke-VmGeneralize, through Run Command: the domain probe, Sysprep and
    /// the ImageState polling that reads its seal, waagent deprovisioning and its result, a run
    /// command already executing (409) retried, and a guest that stopped or stopped answering
    /// told apart from one that failed. Each step returns the evidence it read, or throws.
    /// </summary>
    internal sealed class GuestAgent
    {
        private readonly OperationRun _run;
        private readonly ArmId _vmId;
        private readonly GeneralizeRequest _request;

        public GuestAgent(OperationRun run, ArmId vmId, GeneralizeRequest request)
        {
            _run = run;
            _vmId = vmId;
            _request = request;
        }

        private IAzureGateway Azure => _run.Gateway;
        private IOperationSink Sink => _run.Sink;

        /// <summary>
        /// Reads the guest's domain membership, and in the same run command its ImageState, which
        /// the Sysprep step then takes as its first reading instead of asking again.
        /// </summary>
        public async Task<GuestIdentity> ProbeDomainAsync()
        {
            var result = await _run.StepAsync("probing the guest's domain membership", _request.GuestTimeout,
                ct => RunGuestCommandAsync(GuestScripts.PowerShell, GuestScripts.DomainProbe.Concat(GuestScripts.ReadImageState).ToList(), ct), 15).ConfigureAwait(false);
            _probed = ImageStateReading.From(result.StdOut);
            var guest = GuestScripts.ParseDomainProbe(result.StdOut);
            Sink.WriteVerbose($"Guest reports PartOfDomain={guest.PartOfDomain}, DomainRole={guest.DomainRole}.");
            return guest;
        }

        /// <summary>
        /// Runs Sysprep (/quit: the sealed guest keeps running) and waits until ImageState reads
        /// IMAGE_STATE_GENERALIZE_RESEAL_TO_OOBE in the guest: that reading is the only evidence the
        /// image was sealed. Returns the evidence to record on the VM.
        /// </summary>
        public async Task<string> SysprepAsync()
        {
            try
            {
                return await SysprepStepAsync().ConfigureAwait(false);
            }
            catch (ImageToolsException e) when (e.RuleId == ErrorIds.OperationTimedOut)
            {
                if (_guestSilent != null)
                    throw SysprepNotSealed($"its guest agent stopped answering ({_guestSilent}) and did not answer again within {OperationRun.Format(_request.GuestTimeout)}", e);
                var seen = _lastImageState.Length > 0 ? _lastImageState : "no ImageState";
                throw new ImageToolsException(ErrorIds.SysprepTimedOut,
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
                var pace = _run.GuestPace(_request.GuestPollInterval);
                while (true)
                {
                    var state = _probed ?? await ReadImageStateAsync(ct).ConfigureAwait(false);
                    _probed = null;
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
                        await pace.WaitAsync(ct).ConfigureAwait(false);
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
                                throw new ImageToolsException(ErrorIds.SysprepFailed,
                                    $"Sysprep could not start in VM '{_vmId.Name}': {run.StdErr} The VM was left as it is and not marked generalized.",
                                    "Fix the cause in the guest (C:\\Windows\\System32\\Sysprep\\Panther\\setuperr.log), then rerun.",
                                    _vmId.Id, FailureCategory.InvalidOperation);
                            Sink.WriteVerbose($"Started {GuestScripts.SysprepCommandLine}; reading ImageState until it is {GuestScripts.ImageStateSealed}.");
                        }
                        started = true;
                        pace.Reset();
                        continue;
                    }

                    if (state.ImageState.Length > 0 && state.ImageState != _lastImageState)
                    {
                        Sink.WriteVerbose($"ImageState: {state.ImageState}");
                        pace.Reset();
                    }
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
                    await pace.WaitAsync(ct).ConfigureAwait(false);
                }
            }, 40);

        private string _lastImageState = "";

        /// <summary>The ImageState read with the domain probe, not yet used by the Sysprep step.</summary>
        private ImageStateReading? _probed;

        /// <summary>Set while the guest agent does not answer (the ARM code and agent status seen); null while it does.</summary>
        private string? _guestSilent;

        /// <summary>The OS disk's pre-generalize snapshot (taken or reused), for the remedies; null with -SkipSnapshot.</summary>
        public string? OsSnapshotName { get; set; }

        private ImageToolsException SysprepUndeployable() => new ImageToolsException(ErrorIds.SysprepFailed,
            $"Sysprep failed in VM '{_vmId.Name}': the guest's ImageState is {GuestScripts.ImageStateUndeployable}. The VM was left as it is and not marked generalized.",
            "Sign in to the guest and read C:\\Windows\\System32\\Sysprep\\Panther\\setuperr.log; fix the cause (often an app provisioned for one user, or BitLocker), then rerun; " +
            $"or first bring the VM back as it was with Undo-VmGeneralize -ResourceGroupName {_vmId.ResourceGroupName} -Name {_vmId.Name} (from its pre-generalize snapshots).",
            _vmId.Id, FailureCategory.InvalidOperation);

        /// <summary>
        /// The guest stopped, stopped answering, or went past the seal before
        /// IMAGE_STATE_GENERALIZE_RESEAL_TO_OOBE was read: there is no evidence it was generalized,
        /// so the VM is not tagged, deallocated or marked generalized.
        /// </summary>
        private ImageToolsException SysprepNotSealed(string what, Exception? inner = null)
        {
            var seen = _lastImageState.Length > 0 ? _lastImageState : "no ImageState";
            var restore = OsSnapshotName != null
                ? $"restore the VM with Undo-VmGeneralize -ResourceGroupName {_vmId.ResourceGroupName} -Name {_vmId.Name}, which copies back the pre-generalize snapshot '{OsSnapshotName}' and those of the data disks"
                : "rebuild the VM (no pre-generalize snapshot was taken: -SkipSnapshot)";
            return new ImageToolsException(ErrorIds.SysprepNotSealed,
                $"Sysprep's seal was not read in VM '{_vmId.Name}': {what} before ImageState read {GuestScripts.ImageStateSealed}; last ImageState seen: {seen}. " +
                "Without that reading there is no evidence the guest was generalized (VMs built from an image of it could hang at provisioning), " +
                "so the VM was not tagged, deallocated or marked generalized.",
                "Find out why the guest stopped: read C:\\Windows\\System32\\Sysprep\\Panther\\setuperr.log (and setupact.log) in the guest. " +
                $"If Sysprep ran partly or the guest went on into OOBE, {restore}; then rerun Invoke-VmGeneralize.",
                _vmId.Id, FailureCategory.InvalidOperation, inner);
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
                return ImageStateReading.From(result.StdOut);
            }
            catch (AzureRequestException e)
            {
                var vm = await Azure.GetVmAsync(_vmId, ct).ConfigureAwait(false);
                if (vm == null)
                    throw;
                if (IsDown(vm))
                    return new ImageStateReading { StoppedIn = vm.PowerState.Text(), Why = $"run command answered {e.ArmCode}" };
                if (!vm.AgentReady)
                    return new ImageStateReading { Silent = $"{e.ArmCode}; agent {(vm.AgentStatus.Length > 0 ? "'" + vm.AgentStatus + "'" : "without a status")}" };
                throw;
            }
        }

        private async Task<bool> GuestIsDownAsync(CancellationToken ct)
        {
            var vm = await Azure.GetVmAsync(_vmId, ct).ConfigureAwait(false);
            return vm != null && IsDown(vm);
        }

        /// <summary>The guest is down: the VM is neither running nor starting.</summary>
        private static bool IsDown(VmState vm) => vm.PowerState != VmPowerState.Running && vm.PowerState != VmPowerState.Starting;

        /// <summary>
        /// Runs waagent -deprovision+user (and cloud-init clean) and reads its result: a succeeded
        /// status with nothing on stderr is the evidence. The agent goes Not Ready afterwards (waagent
        /// stops itself); that is expected, and the platform powers the VM off. Returns the evidence.
        /// </summary>
        public Task<string> DeprovisionAsync() =>
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

        private ImageToolsException DeprovisionNotConfirmed(string armCode) => new ImageToolsException(ErrorIds.DeprovisionNotConfirmed,
            $"The result of {GuestScripts.DeprovisionCommandLine(_request.CloudInitClean)} was not read in VM '{_vmId.Name}': the guest stopped before it answered (run command {armCode}). " +
            "Without that result there is no evidence the guest was deprovisioned, so the VM was not tagged, deallocated or marked generalized.",
            "Start the VM and read /var/log/waagent.log to see whether the deprovisioning ran to the end; " +
            (OsSnapshotName != null ? $"if it ran partly, restore the VM with Undo-VmGeneralize -ResourceGroupName {_vmId.ResourceGroupName} -Name {_vmId.Name} (it copies back the pre-generalize snapshot '{OsSnapshotName}'); " : "") +
            "then rerun Invoke-VmGeneralize.",
            _vmId.Id, FailureCategory.InvalidOperation);

        private ImageToolsException DeprovisionFailed(string why) => new ImageToolsException(ErrorIds.DeprovisionFailed,
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
            var pace = _run.GuestPace(_request.GuestPollInterval);
            while (true)
            {
                try
                {
                    return await Azure.RunCommandAsync(_vmId, commandId, script, ct).ConfigureAwait(false);
                }
                catch (AzureRequestException e) when (IsRunCommandBusy(e))
                {
                    Sink.WriteVerbose("Another run command is still executing in the guest; waiting to retry.");
                    await pace.WaitAsync(ct).ConfigureAwait(false);
                }
            }
        }

        private static bool IsRunCommandBusy(AzureRequestException e) =>
            e.Status == 409 && e.ArmMessage.IndexOf("Run command extension execution is in progress", StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
