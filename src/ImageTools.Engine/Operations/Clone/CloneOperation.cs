using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Operations.Generalize;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Rules;
using ImageTools.Engine.Rules.Clone;

namespace ImageTools.Engine.Operations.Clone
{
    /// <summary>
    /// Invoke-VmGeneralize -Clone: snapshot every disk of the source while it runs, copy them to
    /// disks of a clone, build the clone (same size, generation and security type) in an isolated
    /// network of its own (its own VNet and subnet, a NIC without public IP), then generalize the
    /// clone through the generalize operation and emit it. The source is only read: no power
    /// action, no tag, no disk change. Each part is found again by name on a rerun.
    /// </summary>
    internal sealed class CloneOperation : Operation<CloneFacts>
    {
        private readonly GeneralizeRequest _request;
        private readonly OperationRun _run;
        private readonly ArmId _sourceId;
        private readonly CloneNames _names;
        private readonly CloneBuilder _builder;
        private readonly string _subscriptionId;
        private PreparedOperation? _generalizeClone;

        private CloneOperation(GeneralizeRequest request, OperationRun run, ArmId sourceId, CloneNames names, IDiskGateway disks, IDeployGateway network,
            string subscriptionId) : base(run)
        {
            _request = request;
            _run = run;
            _sourceId = sourceId;
            _names = names;
            _subscriptionId = subscriptionId;
            _builder = new CloneBuilder(run, names, disks, network, request);
            EmitsDoneResultUnderWhatIf = true;
        }

        private IAzureGateway Azure => _run.Gateway;

        public static async Task<PreparedOperation> PrepareAsync(GeneralizeRequest request, IOperationSink sink, CancellationToken ct, IAzureGateway gateway,
            IDiskGateway disks, IDeployGateway network, EngineOptions options, string subscriptionId)
        {
            var sourceId = ArmId.Resolve(request.Vm, subscriptionId, ArmId.VirtualMachines);
            OperationRun.RequirePositive(request.GuestTimeout, "GuestTimeout");
            OperationRun.RequirePositive(request.ShutdownTimeout, "ShutdownTimeout");
            var cloneName = string.IsNullOrWhiteSpace(request.CloneName) ? CloneNames.DefaultName(sourceId.Name) : request.CloneName!.Trim();
            var names = new CloneNames(ArmId.Of(sourceId.SubscriptionId, sourceId.ResourceGroupName, ArmId.VirtualMachines, cloneName));
            var run = new OperationRun(sink, ct, gateway, options, $"Generalize a clone of VM '{sourceId.Name}'",
                $"The clone's parts are found again by name ('{cloneName}', '{cloneName}-os', '{names.Nic.Name}', '{names.Network.Name}') and reused.");
            var operation = new CloneOperation(request, run, sourceId, names, disks, network, subscriptionId);
            await operation.PrepareAsync().ConfigureAwait(false);
            return operation;
        }

        private protected override async Task<CloneFacts> ReadFactsAsync()
        {
            var source = await _run.StepAsync("reading the source VM", _run.Options.OperationTimeout, ct => Azure.GetVmAsync(_sourceId, ct)).ConfigureAwait(false)
                ?? throw new ImageToolsException(ErrorIds.VmNotFound,
                    $"VM '{_sourceId.Name}' was not found in resource group '{_sourceId.ResourceGroupName}' (subscription {_sourceId.SubscriptionId}).",
                    "Check the name, the resource group and the subscription (-SubscriptionId), or pipe the VM in from Get-AzVM.",
                    _sourceId.Id, FailureCategory.ObjectNotFound);
            var disks = new List<PlannedCloneDisk>();
            if (!source.HasUnmanagedDisks)
                foreach (var disk in new[] { source.OsDisk }.Concat(source.DataDisks.OrderBy(d => d.Lun)))
                {
                    var slot = disk.Lun < 0 ? "os" : "lun" + disk.Lun;
                    var snapshotId = _names.Snapshot(slot);
                    var diskId = _names.Disk(slot);
                    disks.Add(await _run.StepAsync($"reading disk '{disk.Name}' and its copy '{diskId.Name}'", _run.Options.OperationTimeout, async ct =>
                        new PlannedCloneDisk(disk, await Azure.GetDiskAsync(disk.ManagedDiskId!, ct).ConfigureAwait(false),
                            snapshotId, await Azure.GetSnapshotAsync(snapshotId, ct).ConfigureAwait(false),
                            diskId, await Azure.GetDiskAsync(diskId, ct).ConfigureAwait(false))).ConfigureAwait(false));
                }
            var clone = await _run.StepAsync($"reading the clone '{_names.Vm.Name}'", _run.Options.OperationTimeout, ct => Azure.GetVmAsync(_names.Vm, ct)).ConfigureAwait(false);
            var network = await _builder.ReadNetworkAsync().ConfigureAwait(false);
            var nic = await _builder.ReadNicAsync().ConfigureAwait(false);
            var facts = new CloneFacts(_request, source, _names, disks, clone, network, nic);
            if (facts.CloneExists && !clone!.IsGeneralized && CloneNameTakenFree(facts))
                _generalizeClone = await GeneralizeOperation.PrepareAsync(CloneRequest(), _run.Sink, _run.Cancellation, Azure, _run.Options, _subscriptionId).ConfigureAwait(false);
            return facts;
        }

        private static bool CloneNameTakenFree(CloneFacts facts) => new CloneNameTaken().Evaluate(facts) == null;

        /// <summary>The generalize request for the clone: the source's method and limits; no snapshots (the source is the backup).</summary>
        private GeneralizeRequest CloneRequest() => new GeneralizeRequest
        {
            SubscriptionId = _names.Vm.SubscriptionId,
            Vm = ResourceReference.FromId(_names.Vm.Id),
            Method = _request.Method,
            SkipSnapshot = true,
            CloudInitClean = _request.CloudInitClean,
            GuestTimeout = _request.GuestTimeout,
            ShutdownTimeout = _request.ShutdownTimeout,
        };

        private protected override PreflightResult Evaluate(CloneFacts facts)
        {
            var result = Rules.Preflight.Evaluate(CloneRules.Clone, facts);
            if (result.AlreadyDone != null)
                return result;
            result = result.Add(Rules.Preflight.Evaluate(CloneRules.Source, facts.SourceFacts));
            if (_generalizeClone != null)
                result = result.Add(new PreflightResult(_generalizeClone.Refusals.Concat(_generalizeClone.Warnings).ToList()));
            return result;
        }

        private protected override OperationPlan PlanFor(CloneFacts facts)
        {
            var plan = new OperationPlan();
            if (facts.ExistingClone?.IsGeneralized == true)
                return plan;
            if (!facts.CloneExists)
                _builder.Plan(facts, plan);
            if (_generalizeClone != null)
            {
                foreach (var step in _generalizeClone.Plan.Steps)
                    plan.Add(step.Target, step.Action);
                return plan;
            }
            var clone = _names.Vm.Id;
            if (facts.SourceFacts.IsWindows)
                plan.Add(clone, "Probe the clone's domain membership (read-only run command)");
            plan.Add(clone, facts.SourceFacts.IsWindows
                ? $"Run {GuestScripts.SysprepCommandLine} in the clone (the source is not touched)"
                : $"Run {GuestScripts.DeprovisionCommandLine(_request.CloudInitClean)} in the clone (the source is not touched)");
            plan.Add(clone, "Power off the clone from the platform");
            plan.Add(clone, "Deallocate the clone");
            plan.Add(clone, "Mark the clone generalized");
            return plan;
        }

        private protected override void Prepared(CloneFacts facts)
        {
            DeclinedMessage = $"Declined: nothing was changed; VM '{facts.Source.Name}' was only read.";
            if (facts.CloneExists && !facts.ExistingClone!.IsGeneralized)
                _run.Sink.WriteVerbose($"Clone '{facts.ExistingClone.Name}' of VM '{facts.Source.Name}' exists from an earlier run; it is generalized as it is.");
        }

        private protected override Task<object?> EmitDoneAsync(CloneFacts facts)
        {
            var info = ModelMapper.ToVmInfo(facts.ExistingClone!);
            _run.Sink.WriteObject(info);
            return Task.FromResult<object?>(info);
        }

        private protected override async Task<object?> RunStepsAsync(CloneFacts facts)
        {
            if (!facts.CloneExists)
                await _builder.BuildAsync(facts).ConfigureAwait(false);
            var generalize = _generalizeClone
                ?? await GeneralizeOperation.PrepareAsync(CloneRequest(), _run.Sink, _run.Cancellation, Azure, _run.Options, _subscriptionId).ConfigureAwait(false);
            // The user confirmed the whole plan, the clone's generalize steps with it: they are not asked again.
            new PreflightResult(generalize.Refusals.Concat(generalize.Warnings).ToList()).Report(_run.Sink);
            var result = await generalize.ExecuteAsync(_run.Sink, _run.Cancellation).ConfigureAwait(false);
            _run.Sink.WriteVerbose($"VM '{facts.Source.Name}' was only read: it was not stopped, tagged or changed. " +
                $"The clone '{_names.Vm.Name}' is deleted with the disks, NIC and isolated network it owns by New-CapturedImage -DeleteSourceVm " +
                "once the image reads Succeeded, or by Publish-GalleryVersion -DeleteSourceVm once the version has replicated to every target region.");
            _run.Completed();
            return result;
        }
    }
}
