using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Operations.Deploy;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Rules;
using ImageTools.Engine.Rules.Deploy;
using ImageTools.Engine.Rules.VmssUpgrade;

namespace ImageTools.Engine.Operations.VmssUpgrade
{
    /// <summary>
    /// Update-VmssImage: read the scale set, its instances and latest rolling upgrade, and the target
    /// image in the scale set's location (a definition: its latest eligible version there) with the
    /// size's SKU; run the rules; then point the model at the version, which a Rolling scale set rolls
    /// out in batches, and follow that upgrade to its end (progress per batch, a line per instance).
    /// A rerun follows an upgrade to the same image still running, or starts one for instances a
    /// stopped upgrade left behind.
    /// </summary>
    internal sealed class VmssUpgradeOperation : Operation<VmssUpgradeFacts>
    {
        private readonly ScaleSetUpgradeRequest _request;
        private readonly OperationRun _run;
        private readonly IDeployGateway _deploy;
        private readonly IScaleSetGateway _scaleSets;
        private readonly DeploySourceResolver _sources;
        private readonly string _subscriptionId;

        private VmssUpgradeOperation(ScaleSetUpgradeRequest request, OperationRun run, IGalleryGateway galleries, IDeployGateway deploy,
            IScaleSetGateway scaleSets, string subscriptionId) : base(run)
        {
            _request = request;
            _run = run;
            _deploy = deploy;
            _scaleSets = scaleSets;
            _subscriptionId = subscriptionId;
            _sources = new DeploySourceResolver(run, galleries);
        }

        public static async Task<PreparedOperation> PrepareAsync(ScaleSetUpgradeRequest request, IOperationSink sink, CancellationToken ct, IAzureGateway gateway,
            IGalleryGateway galleries, IDeployGateway deploy, IScaleSetGateway scaleSets, EngineOptions options, string subscriptionId)
        {
            OperationRun.RequirePositive(request.UpgradeTimeout, "UpgradeTimeout");
            var id = ArmId.Resolve(request.ScaleSet ?? new ResourceReference(), subscriptionId, ScaleSetIds.ScaleSets, ScaleSetIds.ScaleSets);
            var run = new OperationRun(sink, ct, gateway, options, $"Roll scale set '{id.Name}' to '{ArmId.NameOf(request.ImageId ?? "")}'",
                "An upgrade to the same image still running is followed; instances already on it are kept.");
            var operation = new VmssUpgradeOperation(request, run, galleries, deploy, scaleSets, subscriptionId) { ScaleSetId = id };
            await operation.PrepareAsync().ConfigureAwait(false);
            return operation;
        }

        private ArmId ScaleSetId { get; set; } = null!;

        private protected override PreflightResult Evaluate(VmssUpgradeFacts facts)
        {
            var result = Rules.Preflight.Evaluate(VmssUpgradeRules.ScaleSet, facts);
            if (facts.Target == null)
                return result;
            return result
                .Add(Rules.Preflight.Evaluate(DeployRules.Source, facts.Target))
                .Add(Rules.Preflight.Evaluate(VmssUpgradeRules.Image, facts))
                .Add(Rules.Preflight.Evaluate(DeployRules.Generation, facts.Target))
                .Add(Rules.Preflight.Evaluate(VmssUpgradeRules.Upgrade, facts));
        }

        private protected override OperationPlan PlanFor(VmssUpgradeFacts facts)
        {
            var plan = new OperationPlan();
            var vmss = facts.ScaleSet;
            if (vmss == null)
                return plan;
            var count = facts.Instances.Count;
            var batch = Math.Max(1, (int)Math.Ceiling(count * vmss.MaxBatchInstancePercent / 100.0));
            var rollout = $"{count - facts.InstancesOnTarget.Count()} of its {count} instance(s) are upgraded in batches of {batch} ({vmss.MaxBatchInstancePercent}%)";
            if (!facts.ModelOnTarget)
                plan.AddHighImpact(vmss.Id, $"Point the model of scale set '{vmss.Name}' at '{facts.TargetImageId}' (now '{vmss.ImageId}'): Azure then rolls it out, {rollout}, each instance's OS disk replaced");
            else if (!facts.UpgradeRunning)
                plan.AddHighImpact(vmss.Id, $"Start a rolling upgrade of scale set '{vmss.Name}' to '{facts.TargetImageId}': {rollout}, each instance's OS disk replaced");
            return plan;
        }

        private protected override void Prepared(VmssUpgradeFacts facts)
        {
            if (facts.Source?.Kind == DeploySourceKind.GalleryDefinition && facts.TargetImageId.Length > 0)
                _run.Sink.WriteVerbose($"Latest version of '{facts.Source.Name}' in '{facts.Target!.TargetLocation}': '{facts.TargetImageId}'.");
            if (facts.ScaleSet != null && facts.ModelOnTarget && facts.UpgradeRunning && Refusals.Count == 0)
            {
                var note = $"Scale set '{facts.ScaleSet.Name}' is already rolling to '{facts.TargetImageId}' ({RollingUpgradeWatcher.Status(facts.Latest!, facts.Instances.Count)}): it is followed, nothing is written.";
                _run.Sink.WriteVerbose(note);
                WhatIfNotes = new[] { note };
            }
        }

        private protected override async Task<object?> EmitDoneAsync(VmssUpgradeFacts facts)
        {
            _run.Sink.WriteObject(ScaleSetMapper.ToVmssInfo(facts.ScaleSet!, facts.Instances, facts.Latest));
            await Task.Yield();
            return null;
        }

        private protected override async Task<object?> RunStepsAsync(VmssUpgradeFacts facts)
        {
            var vmss = facts.ScaleSet!;
            var timeout = _run.Options.OperationTimeout;
            var previous = facts.Latest?.StartTime;
            var running = facts.ModelOnTarget && facts.UpgradeRunning;
            if (!facts.ModelOnTarget)
                await _run.StepAsync($"pointing the model of scale set '{vmss.Name}' at '{facts.TargetImageId}'", timeout,
                    ct => _scaleSets.UpdateImageAsync(vmss.Id, facts.Source!.ImageId!, ct), 5).ConfigureAwait(false);
            else if (!running)
                await _run.StepAsync($"starting a rolling upgrade of scale set '{vmss.Name}'", timeout,
                    ct => _scaleSets.StartRollingUpgradeAsync(vmss.Id, ct), 5).ConfigureAwait(false);

            _run.Sink.WriteVerbose($"{_run.Activity}: following the rolling upgrade (rollingUpgrades/latest) within {OperationRun.Format(_request.UpgradeTimeout)}");
            var (upgrade, instances) = await new RollingUpgradeWatcher(_run, _scaleSets)
                .FollowAsync(vmss, facts.TargetImageId, previous, running, _request.UpgradeTimeout).ConfigureAwait(false);
            if (upgrade != null && !string.Equals(upgrade.Code, "Completed", StringComparison.OrdinalIgnoreCase))
                throw Ended(vmss, upgrade, instances, facts.TargetImageId);

            var after = await _run.StepAsync($"reading scale set '{vmss.Name}'", timeout, ct => _scaleSets.GetScaleSetAsync(vmss.Id, ct)).ConfigureAwait(false) ?? vmss;
            _run.Completed();
            _run.Sink.WriteObject(ScaleSetMapper.ToVmssInfo(after, instances, upgrade));
            return null;
        }

        private ImageToolsException Ended(ScaleSetState vmss, RollingUpgradeState upgrade, IReadOnlyList<ScaleSetInstanceState> instances, string target)
        {
            var on = instances.Count(i => ArmId.SameId(ScaleSetMapper.ImageOf(i), target));
            var faulted = string.Equals(upgrade.Code, "Faulted", StringComparison.OrdinalIgnoreCase);
            var cause = faulted && upgrade.ErrorMessage.Length > 0 ? $" Azure: {upgrade.ErrorCode}: {upgrade.ErrorMessage}" : "";
            return new ImageToolsException(faulted ? ErrorIds.RollingUpgradeFaulted : ErrorIds.RollingUpgradeCancelled,
                $"The rolling upgrade of scale set '{vmss.Name}' to '{target}' ended {upgrade.Code}: {on} of {instances.Count} instance(s) run it, {upgrade.Failed} failed.{cause}",
                "The model names the new image. Fix what stopped it (the instances' health: Get-AzVmssVM -InstanceView), then rerun the same command: it starts a rolling upgrade for the instances left behind.",
                vmss.Id.Id, FailureCategory.InvalidOperation);
        }

        // ---- reading the state ----

        private protected override async Task<VmssUpgradeFacts> ReadFactsAsync()
        {
            var timeout = _run.Options.OperationTimeout;
            var vmss = await _run.StepAsync("reading the scale set", timeout, ct => _scaleSets.GetScaleSetAsync(ScaleSetId, ct)).ConfigureAwait(false);
            if (vmss == null)
                return new VmssUpgradeFacts(_request, ScaleSetId.Id, null, null, Array.Empty<ScaleSetInstanceState>(), null);
            var instances = await _run.StepAsync("listing the scale set's instances", timeout, ct => _scaleSets.ListInstancesAsync(vmss, ct)).ConfigureAwait(false);
            var latest = await _run.StepAsync("reading the scale set's latest rolling upgrade", timeout, ct => _scaleSets.GetLatestRollingUpgradeAsync(vmss.Id, ct)).ConfigureAwait(false);

            var (source, location) = await _sources.ReadForLocationAsync(ResourceReference.FromId((_request.ImageId ?? "").Trim()), vmss.Location, _subscriptionId, timeout).ConfigureAwait(false);
            var offer = new DeployLocationReader(_run, _deploy);
            // The upgrade makes no instance: no quota to check, so the usage is not read.
            await offer.ReadAsync(_subscriptionId, location, timeout, usages: false).ConfigureAwait(false);
            var view = new DeployRequest { Source = ResourceReference.FromId(_request.ImageId ?? ""), ResourceGroupName = vmss.ResourceGroupName, Name = vmss.Name, Count = 0, VmSize = vmss.VmSize };
            var target = new DeployFacts(view, _subscriptionId, source, location, true, Array.Empty<PlannedVm>(), offer.Sizes, offer.Usages, new PlannedNetwork(), offer.Skus);
            return new VmssUpgradeFacts(_request, ScaleSetId.Id, vmss, target, instances, latest);
        }
    }
}
