using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Rules;
using ImageTools.Engine.Rules.Generalize;

namespace ImageTools.Engine.Operations.Generalize
{
    /// <summary>
    /// The VM's power around the guest step: start it (-Start) and wait for its agent, return it to
    /// the power state it was found in when the domain probe refuses, and power it off and
    /// deallocate it from the platform once the evidence is read.
    /// </summary>
    internal sealed class VmPowerSteps
    {
        private readonly OperationRun _run;
        private readonly ArmId _vmId;
        private readonly GeneralizeRequest _request;

        public VmPowerSteps(OperationRun run, ArmId vmId, GeneralizeRequest request)
        {
            _run = run;
            _vmId = vmId;
            _request = request;
        }

        private IAzureGateway Azure => _run.Gateway;
        private IOperationSink Sink => _run.Sink;

        public async Task<VmState> StartAsync()
        {
            await _run.StepAsync("starting the VM", _run.Options.OperationTimeout, ct => Azure.StartVmAsync(_vmId, ct), 5).ConfigureAwait(false);
            // The agent reports Ready a while after boot; Run Command needs it.
            VmState? last = null;
            try
            {
                return await _run.StepAsync("waiting for the guest agent to report Ready", _request.GuestTimeout, async ct =>
                {
                    var pace = _run.GuestPace(_request.GuestPollInterval);
                    while (true)
                    {
                        last = await Azure.GetVmAsync(_vmId, ct).ConfigureAwait(false);
                        if (last != null && last.PowerState == VmPowerState.Running && last.AgentReady)
                            return last;
                        await pace.WaitAsync(ct).ConfigureAwait(false);
                    }
                }, 10).ConfigureAwait(false);
            }
            catch (ImageToolsException e) when (e.RuleId == ErrorIds.OperationTimedOut && last != null)
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
        /// The guest refused (domain member or controller) after the engine started the VM for
        /// the probe (-Start): the VM is returned to the power state it was found in, and the
        /// refusal says so. A failure to do that is reported in the refusal too; the refusal stands.
        /// </summary>
        public async Task<PreflightResult> ReturnToFoundPowerStateAsync(PreflightResult refused, VmPowerState foundPowerState)
        {
            string outcome;
            try
            {
                if (foundPowerState == VmPowerState.Deallocated)
                {
                    await _run.StepAsync("deallocating the VM again (it was found deallocated)", _run.Options.OperationTimeout,
                        ct => Azure.DeallocateVmAsync(_vmId, ct)).ConfigureAwait(false);
                    outcome = "The VM was started only for the probe (-Start) and has been deallocated again, as it was found.";
                }
                else
                {
                    await _run.StepAsync("stopping the VM again (it was found stopped)", _run.Options.OperationTimeout,
                        ct => Azure.PowerOffVmAsync(_vmId, ct)).ConfigureAwait(false);
                    outcome = "The VM was started only for the probe (-Start) and has been stopped again, as it was found.";
                }
            }
            catch (Exception e) when (e is AzureRequestException || (e is ImageToolsException t && t.RuleId == ErrorIds.OperationTimedOut))
            {
                outcome = $"The VM was started for the probe (-Start) and could not be returned to {foundPowerState.Text()} ({e.Message}); it is left running.";
            }
            Sink.WriteVerbose(outcome);
            return new PreflightResult(refused.Findings.Select(f => f.Severity == FindingSeverity.Refusal
                ? new Finding(f.RuleId, f.Severity, f.Message + " " + outcome, f.Remedy, f.TargetId, f.Category)
                : f).ToList());
        }

        /// <summary>
        /// The power state to deallocate from once the guest step's evidence is read, when
        /// <paramref name="known"/> is not settled already. A guest the engine just ran commands in is
        /// running (the sealed guest keeps running after Sysprep /quit): deallocating powers it off from
        /// the platform, with no read and no separate power-off. A VM found stopping or starting is
        /// read until it settles, each change seen at once.
        /// </summary>
        public async Task<VmPowerState> SettledPowerStateAsync(VmPowerState known)
        {
            if (known is VmPowerState.Running or VmPowerState.Stopped or VmPowerState.Deallocated)
                return known;
            return await _run.StepAsync("reading the VM's power state", _request.ShutdownTimeout, async ct =>
            {
                var pace = _run.GuestPace(_request.GuestPollInterval);
                while (true)
                {
                    var vm = await Azure.GetVmAsync(_vmId, ct).ConfigureAwait(false);
                    var power = vm?.PowerState ?? VmPowerState.Unknown;
                    if (power is VmPowerState.Stopped or VmPowerState.Deallocated or VmPowerState.Deallocating or VmPowerState.Running)
                        return power;
                    await pace.WaitAsync(ct).ConfigureAwait(false);
                }
            }, 70).ConfigureAwait(false);
        }

        /// <summary>Powers off (when running) and deallocates: a stopped VM still holds (and bills) its hardware.</summary>
        public async Task DeallocateAsync(VmPowerState power)
        {
            if (power == VmPowerState.Deallocated)
                return;
            var step = power == VmPowerState.Running ? "powering off and deallocating the VM" : "deallocating the VM";
            var timeout = power == VmPowerState.Running ? Max(_request.ShutdownTimeout, _run.Options.OperationTimeout) : _run.Options.OperationTimeout;
            await _run.StepAsync(step, timeout, ct => Azure.DeallocateVmAsync(_vmId, ct), 80).ConfigureAwait(false);
        }

        private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
    }
}
