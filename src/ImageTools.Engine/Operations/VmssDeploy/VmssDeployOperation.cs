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
using ImageTools.Engine.Rules.VmssDeploy;

namespace ImageTools.Engine.Operations.VmssDeploy
{
    /// <summary>
    /// New-VmssFromImage: read the source (a definition's latest eligible version in the target
    /// location), the group, the location's sizes, usages and SKUs, the network and the scale set of
    /// that name, exactly as New-VmFromImage reads them; run its source, account, size, quota and
    /// network rules and the scale set's own; create the run's VNet when needed; then PUT the scale
    /// set (Flexible unless Uniform is asked) and emit it with its instances once they exist.
    /// </summary>
    internal sealed class VmssDeployOperation : Operation<VmssDeployFacts>
    {
        private readonly ScaleSetDeployRequest _request;
        private readonly OperationRun _run;
        private readonly IDeployGateway _deploy;
        private readonly IScaleSetGateway _scaleSets;
        private readonly DeploySourceResolver _sources;
        private readonly NetworkPlanner _network;
        private readonly string _subscriptionId;

        private VmssDeployOperation(ScaleSetDeployRequest request, OperationRun run, IGalleryGateway galleries, IDeployGateway deploy,
            IScaleSetGateway scaleSets, string subscriptionId) : base(run)
        {
            _request = request;
            _run = run;
            _deploy = deploy;
            _scaleSets = scaleSets;
            _subscriptionId = subscriptionId;
            _sources = new DeploySourceResolver(run, galleries);
            _network = new NetworkPlanner(run, deploy);
        }

        /// <summary>Reads everything the rules need and evaluates them; writes nothing.</summary>
        public static async Task<PreparedOperation> PrepareAsync(ScaleSetDeployRequest request, IOperationSink sink, CancellationToken ct, IAzureGateway gateway,
            IGalleryGateway galleries, IDeployGateway deploy, IScaleSetGateway scaleSets, EngineOptions options, string subscriptionId)
        {
            var run = new OperationRun(sink, ct, gateway, options, $"Create scale set '{request.Name}' ×{request.Capacity}",
                "A scale set already made from the same source is recognised and emitted.");
            var operation = new VmssDeployOperation(request, run, galleries, deploy, scaleSets, subscriptionId);
            await operation.PrepareAsync().ConfigureAwait(false);
            return operation;
        }

        private protected override PreflightResult Evaluate(VmssDeployFacts facts) =>
            Rules.Preflight.Evaluate(DeployRules.Placement, facts.Deploy)
                .Add(Rules.Preflight.Evaluate(VmssDeployRules.Source, facts))
                .Add(Rules.Preflight.Evaluate(DeployRules.Build, facts.Deploy))
                .Add(Rules.Preflight.Evaluate(VmssDeployRules.Existing, facts));

        private protected override void Prepared(VmssDeployFacts facts)
        {
            if (AlreadyDone == null && facts.Source.Kind == DeploySourceKind.GalleryDefinition && facts.Source.ImageId != null)
                _run.Sink.WriteVerbose($"Latest version of '{facts.Source.Name}' in '{facts.Deploy.TargetLocation}': '{facts.Source.ImageId}'.");
        }

        private protected override OperationPlan PlanFor(VmssDeployFacts facts)
        {
            var plan = new OperationPlan();
            var network = facts.Deploy.Network;
            if (network.CreatesVirtualNetwork && network.VirtualNetworkId != null)
                plan.Add(network.VirtualNetworkId.Id,
                    $"Create virtual network '{network.VirtualNetworkId.Name}' ({NetworkPlanner.VnetAddressPrefix}, subnet '{NetworkPlanner.SubnetName}' {NetworkPlanner.SubnetAddressPrefix}) in '{facts.Deploy.TargetLocation}'");
            plan.Add(ScaleSetId().Id, $"Create scale set '{_request.Name}' ({Describe(facts)}) from '{facts.Source.ImageId ?? facts.Source.Id}' in subnet '{network.SubnetId}'");
            return plan;
        }

        private protected override async Task<object?> EmitDoneAsync(VmssDeployFacts facts)
        {
            await EmitAsync(facts.Existing!).ConfigureAwait(false);
            return null;
        }

        private protected override async Task<object?> RunStepsAsync(VmssDeployFacts facts)
        {
            var tags = new Dictionary<string, string>(_request.Tags ?? new Dictionary<string, string>());
            var subnetId = await _network.CreateIfPlannedAsync(facts.Deploy, tags).ConfigureAwait(false);
            var spec = SpecFor(facts, subnetId, tags);
            var made = await _run.StepAsync($"creating scale set '{_request.Name}' and its {_request.Capacity} instance(s) ({Describe(facts)})", _run.Options.OperationTimeout,
                ct => _scaleSets.CreateScaleSetAsync(spec, ct), 10).ConfigureAwait(false);
            await EmitAsync(made).ConfigureAwait(false);
            _run.Completed();
            return null;
        }

        private async Task EmitAsync(ScaleSetState vmss)
        {
            var timeout = _run.Options.OperationTimeout;
            var instances = await _run.StepAsync($"listing the instances of scale set '{vmss.Name}'", timeout, ct => _scaleSets.ListInstancesAsync(vmss, ct), 95).ConfigureAwait(false);
            foreach (var instance in instances)
                _run.Sink.WriteVerbose($"Scale set '{vmss.Name}': instance '{instance.Name}' (computer name '{instance.ComputerName}', {instance.ProvisioningState}) runs '{ScaleSetMapper.ImageOf(instance)}'.");
            var latest = await _run.StepAsync($"reading the latest rolling upgrade of scale set '{vmss.Name}'", timeout, ct => _scaleSets.GetLatestRollingUpgradeAsync(vmss.Id, ct)).ConfigureAwait(false);
            _run.Sink.WriteObject(ScaleSetMapper.ToVmssInfo(vmss, instances, latest));
        }

        private ArmId ScaleSetId() => ArmId.Of(_subscriptionId, _request.ResourceGroupName.Trim(), ScaleSetIds.ScaleSets, _request.Name.Trim());

        private string Describe(VmssDeployFacts facts)
        {
            var parts = new List<string>
            {
                Mode(_request.OrchestrationMode),
                $"{facts.Deploy.Size?.Name ?? _request.VmSize} ×{_request.Capacity}",
                facts.Source.OsType,
                DeployVmSpec.VmSecurityType(facts.Source),
                "upgrade policy " + UpgradeText(),
            };
            if (_request.Zones?.Length > 0)
                parts.Add("zones " + string.Join(",", _request.Zones));
            parts.Add($"computer names '{facts.ComputerNamePrefix}' + 6 characters");
            return string.Join(", ", parts);
        }

        private string UpgradeText() =>
            !string.Equals(_request.UpgradePolicy, "Rolling", StringComparison.OrdinalIgnoreCase) ? Policy(_request.UpgradePolicy)
                : $"Rolling, {_request.MaxBatchInstancePercent}% per batch, Application Health extension probing {HealthProtocol}:{_request.HealthProbePort}{HealthPath}";

        private string HealthProtocol => string.IsNullOrWhiteSpace(_request.HealthProbePath) ? "tcp" : "http";
        private string HealthPath => string.IsNullOrWhiteSpace(_request.HealthProbePath) ? "" : "/" + _request.HealthProbePath!.Trim().TrimStart('/');

        private ScaleSetSpec SpecFor(VmssDeployFacts facts, ArmId subnetId, Dictionary<string, string> tags) => new ScaleSetSpec
        {
            Id = ScaleSetId(),
            Location = facts.Deploy.TargetLocation,
            VmSize = facts.Deploy.Size?.Name ?? _request.VmSize,
            Capacity = _request.Capacity,
            Zones = _request.Zones ?? Array.Empty<string>(),
            Tags = tags,
            OrchestrationMode = Mode(_request.OrchestrationMode),
            UpgradeMode = Policy(_request.UpgradePolicy),
            MaxBatchInstancePercent = _request.MaxBatchInstancePercent,
            HealthProtocol = HealthProtocol,
            HealthPort = _request.HealthProbePort,
            HealthPath = HealthPath,
            ImageId = facts.Source.ImageId!,
            OsType = facts.Source.IsWindows ? "Windows" : "Linux",
            SecurityType = DeployVmSpec.VmSecurityType(facts.Source),
            SubnetId = subnetId,
            ComputerNamePrefix = facts.ComputerNamePrefix,
            AdminUserName = facts.Deploy.AdminUserName,
            AdminPassword = _request.Credential?.Password is { Length: > 0 } password ? password : null,
            SshPublicKey = facts.Source.IsWindows ? null : _request.SshPublicKey,
        };

        private static string Mode(string? mode) => string.Equals(mode, "Uniform", StringComparison.OrdinalIgnoreCase) ? "Uniform" : "Flexible";

        private static string Policy(string? policy) =>
            string.Equals(policy, "Rolling", StringComparison.OrdinalIgnoreCase) ? "Rolling"
            : string.Equals(policy, "Automatic", StringComparison.OrdinalIgnoreCase) ? "Automatic" : "Manual";

        // ---- reading the state ----

        private protected override async Task<VmssDeployFacts> ReadFactsAsync()
        {
            var subscriptionId = _subscriptionId;
            var timeout = _run.Options.OperationTimeout;
            var view = DeployView();
            var (source, location) = await _sources.ReadForLocationAsync(view.Source, view.Location, subscriptionId, timeout).ConfigureAwait(false);

            var group = view.ResourceGroupName.Trim();
            var groupExists = group.Length > 0 && await _run.StepAsync("reading the resource group", timeout,
                ct => _run.Gateway.ResourceGroupExistsAsync(subscriptionId, group, ct)).ConfigureAwait(false);
            var name = view.Name.Trim();
            var existing = groupExists && name.Length > 0 && Validation.AzureNames.CheckVmName(name) == null
                ? await _run.StepAsync($"reading scale set '{name}'", timeout,
                    ct => _scaleSets.GetScaleSetAsync(ArmId.Of(subscriptionId, group, ScaleSetIds.ScaleSets, name), ct)).ConfigureAwait(false)
                : null;

            var offer = new DeployLocationReader(_run, _deploy);
            await offer.ReadAsync(subscriptionId, location, timeout).ConfigureAwait(false);
            var network = await _network.ReadAsync(view.SubnetId, subscriptionId, group, groupExists, location, timeout).ConfigureAwait(false);

            // The instances still to create, for the vCPU quota: all of them unless the scale set exists.
            var instances = existing != null ? new List<PlannedVm>()
                : Enumerable.Range(0, Math.Max(0, Math.Min(_request.Capacity, Rules.VmssDeploy.ScaleSetCapacityOutOfRange.MaxCapacity)))
                    .Select(i => new PlannedVm { Name = $"{name}_{i}" }).ToList();
            var deploy = new DeployFacts(view, subscriptionId, source, location, groupExists, instances, offer.Sizes, offer.Usages, network, offer.Skus)
            {
                CountParameter = "-Capacity",
            };
            offer.NoteFamily(deploy);
            return new VmssDeployFacts(_request, deploy, existing, ComputerNamePrefix(name, source));
        }

        /// <summary>The request as New-VmFromImage's rules read it: -Capacity VMs of the size, with the same account and network.</summary>
        private DeployRequest DeployView() => new DeployRequest
        {
            SubscriptionId = _request.SubscriptionId,
            Source = _request.Source ?? new ResourceReference(),
            ResourceGroupName = _request.ResourceGroupName ?? "",
            Name = _request.Name ?? "",
            Count = _request.Capacity,
            Location = _request.Location,
            VmSize = _request.VmSize,
            Zones = _request.Zones ?? Array.Empty<string>(),
            Credential = _request.Credential,
            SshPublicKey = _request.SshPublicKey,
            SubnetId = _request.SubnetId,
            Tags = _request.Tags ?? new Dictionary<string, string>(),
        };

        /// <summary>-ComputerNamePrefix as given; else the scale set's name without the characters a host name cannot hold, cut to fit.</summary>
        private string ComputerNamePrefix(string name, DeploySource source)
        {
            if (!string.IsNullOrWhiteSpace(_request.ComputerNamePrefix))
                return _request.ComputerNamePrefix!.Trim();
            var max = source.IsWindows ? 9 : 58;
            var cleaned = new string(name.Where(c => char.IsLetterOrDigit(c) || c == '-').ToArray());
            return (cleaned.Length > max ? cleaned.Substring(0, max) : cleaned).TrimEnd('-');
        }
    }
}
