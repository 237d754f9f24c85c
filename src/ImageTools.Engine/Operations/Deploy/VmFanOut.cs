using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Rules;
using ImageTools.Engine.Rules.Deploy;
using ImageTools.Engine.Validation;

namespace ImageTools.Engine.Operations.Deploy
{
    /// <summary>
    /// Creates the planned VMs in parallel, at most ThrottleLimit at a time: for each, its public IP
    /// (when asked) and NIC unless the group's NIC list (read once in Prepare) has it, then the VM; each VM is emitted as it is ready and
    /// a VM that fails is reported on its own while the others go on.
    /// </summary>
    internal sealed class VmFanOut
    {
        private readonly OperationRun _run;
        private readonly DeployRequest _request;
        private readonly IDeployGateway _deploy;
        private readonly object _progressGate = new object();
        private int _done;

        public VmFanOut(OperationRun run, DeployRequest request, IDeployGateway deploy)
        {
            _run = run;
            _request = request;
            _deploy = deploy;
        }

        private IAzureGateway Azure => _run.Gateway;
        private IOperationSink Sink => _run.Sink;

        public async Task RunAsync(DeployFacts facts, Dictionary<PlannedVm, Finding> refused, ArmId subnetId)
        {
            var total = facts.Vms.Count;
            using var gate = new SemaphoreSlim(Math.Max(1, _request.ThrottleLimit));
            var tasks = facts.Vms.Select(async vm =>
            {
                if (refused.TryGetValue(vm, out var refusal))
                {
                    Sink.WriteError(refusal.ToException());
                    return;
                }
                await gate.WaitAsync(_run.Cancellation).ConfigureAwait(false);
                try
                {
                    await DeployOneAsync(facts, vm, subnetId).ConfigureAwait(false);
                }
                finally
                {
                    gate.Release();
                    Progress(total);
                }
            }).ToList();
            try
            {
                await Task.WhenAll(tasks).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (_run.Cancellation.IsCancellationRequested)
            {
                throw _run.Stopped(e);
            }
            if (_run.Cancellation.IsCancellationRequested)
                throw _run.Stopped();
            _run.Completed();
        }

        private async Task DeployOneAsync(DeployFacts facts, PlannedVm vm, ArmId subnetId)
        {
            var timeout = _run.Options.OperationTimeout;
            using var limit = new CancellationTokenSource(timeout);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(_run.Cancellation, limit.Token);
            var ct = linked.Token;
            var step = "reading it";
            try
            {
                if (vm.ToCreate)
                {
                    if (!vm.NicExists)
                    {
                        ArmId? publicIp = null;
                        if (_request.PublicIp)
                        {
                            step = "creating its public IP address";
                            Sink.WriteVerbose($"VM '{vm.Name}': {step} '{vm.PublicIpId.Name}'");
                            publicIp = await _deploy.CreatePublicIpAsync(new PublicIpSpec
                            {
                                Id = vm.PublicIpId, Location = facts.TargetLocation, Zones = _request.Zones ?? Array.Empty<string>(), Tags = DeployVmSpec.Tags(_request),
                            }, ct).ConfigureAwait(false);
                        }
                        step = "creating its network interface";
                        Sink.WriteVerbose($"VM '{vm.Name}': {step} '{vm.NicId.Name}'");
                        await _deploy.CreateNicAsync(new NicSpec { Id = vm.NicId, Location = facts.TargetLocation, SubnetId = subnetId, PublicIpId = publicIp, Tags = DeployVmSpec.Tags(_request) }, ct)
                            .ConfigureAwait(false);
                    }
                    else
                    {
                        Sink.WriteVerbose($"VM '{vm.Name}': network interface '{vm.NicId.Name}' exists from an earlier run; reused.");
                    }
                    step = "creating the VM";
                    Sink.WriteVerbose($"VM '{vm.Name}': {step} ({_request.VmSize}, {DeployVmSpec.ComputerNameText(facts.Source, vm.ComputerName)}) {DeployVmSpec.SourceText(facts.Source)}");
                    var created = await _deploy.CreateVmAsync(DeployVmSpec.For(facts, vm, _request), ct).ConfigureAwait(false);
                    EmitCreated(created, facts);
                    return;
                }
                else
                {
                    Sink.WriteVerbose($"VM '{vm.Name}' already exists from '{facts.Source.Name}'; not created again.");
                }
                step = "reading it";
                await EmitAsync(vm, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_run.Cancellation.IsCancellationRequested)
            {
                // Reported once for the whole run (OperationStopped).
            }
            catch (OperationCanceledException e) when (limit.IsCancellationRequested)
            {
                Sink.WriteError(_run.TimedOut($"VM '{vm.Name}': {step}", timeout, e));
            }
            catch (ImageToolsException e)
            {
                Sink.WriteError(new ImageToolsException(ErrorIds.VmCreateFailed,
                    $"VM '{vm.Name}' failed while {step}: {e.Message}",
                    "Rerun the same command: the VMs already made are recognised and emitted, only the missing ones are created." +
                    (e.Remedy != null ? " " + e.Remedy : ""),
                    vm.Id.Id, e.Category, e));
            }
        }

        /// <summary>
        /// Emits a VM just created from the create's own result, with no further read: an instance-view
        /// GET per VM is one of Compute's high-cost reads (HighCostGet3Min: 160 in 3 minutes), which would
        /// bind a large fleet. A create that succeeded leaves the VM running, on the source's generation.
        /// </summary>
        private void EmitCreated(VmState created, DeployFacts facts)
        {
            if (created.PowerState == VmPowerState.Unknown && string.Equals(created.ProvisioningState, "Succeeded", StringComparison.OrdinalIgnoreCase))
                created.PowerState = VmPowerState.Running;
            if (created.HyperVGeneration.Length == 0)
                created.HyperVGeneration = facts.Source.HyperVGeneration;
            Sink.WriteObject(ModelMapper.ToVmInfo(created));
        }

        public async Task EmitAsync(PlannedVm vm, CancellationToken ct)
        {
            var state = await Azure.GetVmAsync(vm.Id, ct).ConfigureAwait(false)
                ?? throw new ImageToolsException(ErrorIds.VmNotFound, $"VM '{vm.Name}' was not found after it was created.",
                    "Check the resource group's activity log, then rerun the same command.", vm.Id.Id, FailureCategory.ObjectNotFound);
            Sink.WriteObject(ModelMapper.ToVmInfo(state));
        }

        /// <summary>One more VM finished: counted and reported under one lock, so the count the user sees only rises.</summary>
        private void Progress(int total)
        {
            lock (_progressGate)
            {
                var done = ++_done;
                Sink.WriteProgress(new OperationProgress(1, _run.Activity, $"{done} of {total} VMs", total == 0 ? 100 : done * 100 / total));
            }
        }
    }
}
