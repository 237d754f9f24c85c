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
    /// New-VmFromImage: read the source (for a gallery definition, pick the latest eligible
    /// version), the resource group's VMs, the location's sizes and usages and the network; run
    /// the preflight; create the run's VNet when needed; then create the missing VMs (a NIC
    /// each, a public IP only when asked) in parallel, at most ThrottleLimit at a time,
    /// emitting each VM as it completes. A failed VM is a non-terminating error; the others go on.
    /// </summary>
    internal sealed class DeployOperation : Operation<DeployFacts>
    {
        private readonly DeployRequest _request;
        private readonly OperationRun _run;
        private readonly IDeployGateway _deploy;
        private readonly DeploySourceResolver _sources;
        private readonly NetworkPlanner _network;

        private readonly string _subscriptionId;
        private List<(PlannedVm Vm, IReadOnlyList<Finding> Findings)> _perVm = null!;

        private DeployOperation(DeployRequest request, OperationRun run, IGalleryGateway galleries, IDeployGateway deploy, string subscriptionId) : base(run)
        {
            _subscriptionId = subscriptionId;
            _request = request;
            _run = run;
            _deploy = deploy;
            _sources = new DeploySourceResolver(run, galleries, acceptsDisks: true);
            _network = new NetworkPlanner(run, deploy);
        }

        private IAzureGateway Azure => _run.Gateway;
        private IOperationSink Sink => _run.Sink;

        /// <summary>Resolves the source, reads the target group, sizes, quota and network, and evaluates the rules; writes nothing.</summary>
        public static async Task<PreparedOperation> PrepareAsync(DeployRequest request, IOperationSink sink, CancellationToken ct, IAzureGateway gateway,
            IGalleryGateway galleries, IDeployGateway deploy, EngineOptions options, string subscriptionId)
        {
            if (request.Count < 1)
                throw new ImageToolsException(ErrorIds.CountOutOfRange, $"-Count {request.Count} is invalid: at least one VM is created.",
                    "Pass -Count 1 or more.", request.Name, FailureCategory.InvalidArgument);
            var run = new OperationRun(sink, ct, gateway, options, $"Create VM '{request.Name}'" + (request.Count > 1 ? $" ×{request.Count}" : ""),
                "VMs already made from the same source are recognised and emitted; only the missing ones are created.");
            var operation = new DeployOperation(request, run, galleries, deploy, subscriptionId);
            await operation.PrepareAsync().ConfigureAwait(false);
            return operation;
        }

        private protected override PreflightResult Evaluate(DeployFacts facts)
        {
            _perVm = facts.Vms.Select(v => (Vm: v, Findings: Rules.Preflight.Evaluate(DeployRules.PerVm, v).Refusals)).ToList();
            ItemRefusals = _perVm.SelectMany(p => p.Findings).ToList();
            return Rules.Preflight.Evaluate(DeployRules.All, facts);
        }

        private protected override void Prepared(DeployFacts facts)
        {
            if (AlreadyDone == null && facts.Source.Kind == DeploySourceKind.GalleryDefinition && facts.Source.ImageId != null)
                Sink.WriteVerbose($"Latest version of '{facts.Source.Name}' in '{facts.TargetLocation}': '{facts.Source.ImageId}'.");
        }

        private protected override async Task<object?> EmitDoneAsync(DeployFacts facts)
        {
            var fanOut = new VmFanOut(_run, _request, _deploy);
            foreach (var vm in facts.Vms)
                await fanOut.EmitAsync(vm, _run.Cancellation).ConfigureAwait(false);
            return null;
        }

        private protected override async Task<object?> RunStepsAsync(DeployFacts facts)
        {
            var subnetId = await _network.CreateIfPlannedAsync(facts, DeployVmSpec.Tags(_request)).ConfigureAwait(false);
            await new VmFanOut(_run, _request, _deploy).RunAsync(facts, _perVm.Where(p => p.Findings.Count > 0).ToDictionary(p => p.Vm, p => p.Findings[0]), subnetId).ConfigureAwait(false);
            return null;
        }

        // ---- the plan ----

        private protected override OperationPlan PlanFor(DeployFacts facts)
        {
            var plan = new OperationPlan();
            if (facts.Network.CreatesVirtualNetwork && facts.ToCreate.Any())
                plan.Add(facts.Network.VirtualNetworkId!,
                    $"Create virtual network '{facts.Network.VirtualNetworkId!.Name}' ({NetworkPlanner.VnetAddressPrefix}, subnet '{NetworkPlanner.SubnetName}' {NetworkPlanner.SubnetAddressPrefix}) in '{facts.TargetLocation}'");
            var security = DeployVmSpec.VmSecurityType(facts.Source);
            foreach (var vm in facts.ToCreate)
            {
                if (_request.PublicIp && !vm.NicExists)
                    plan.Add(vm.PublicIpId, $"Create public IP address '{vm.PublicIpId.Name}' (Standard, static)");
                if (!vm.NicExists)
                    plan.Add(vm.NicId, $"Create network interface '{vm.NicId.Name}' in subnet '{facts.Network.SubnetId}'");
                plan.Add(vm.Id, $"{(vm.Existing != null ? "Create again (left Failed)" : "Create")} VM '{vm.Name}' ({_request.VmSize}, {facts.Source.OsType}, " +
                                $"{security}{(_request.Zones?.Length > 0 ? ", zone " + string.Join(",", _request.Zones) : "")}, {DeployVmSpec.ComputerNameText(facts.Source, vm.ComputerName)}) " +
                                DeployVmSpec.SourceText(facts.Source));
            }
            return plan;
        }

        // ---- reading the state ----

        private protected override async Task<DeployFacts> ReadFactsAsync()
        {
            var subscriptionId = _subscriptionId;
            var timeout = _run.Options.OperationTimeout;
            var (source, location) = await _sources.ReadForLocationAsync(_request.Source, _request.Location, subscriptionId, timeout).ConfigureAwait(false);

            // The location's sizes, usage and SKUs are read side by side with the group, its VMs and the network.
            var group = (_request.ResourceGroupName ?? "").Trim();
            var offer = new DeployLocationReader(_run, _deploy);
            var offerRead = offer.ReadAsync(subscriptionId, location, timeout);
            var groupExists = group.Length > 0 && await _run.StepAsync("reading the resource group", timeout,
                ct => Azure.ResourceGroupExistsAsync(subscriptionId, group, ct)).ConfigureAwait(false);
            var vmsRead = groupExists ? ReadGroupAsync(subscriptionId, group, source, timeout) : Task.FromResult(PlanVms(subscriptionId, group, source, Array.Empty<ExistingVmState>()));
            var networkRead = _network.ReadAsync(_request.SubnetId, subscriptionId, group, groupExists, location, timeout);
            await Task.WhenAll(offerRead, vmsRead, networkRead).ConfigureAwait(false);

            var facts = new DeployFacts(_request, subscriptionId, source, location, groupExists, vmsRead.Result, offer.Sizes, offer.Usages, networkRead.Result, offer.Skus);
            offer.NoteFamily(facts);
            return facts;
        }

        /// <summary>
        /// The group's VMs (one list), then, when a VM is still to be made, the group's network interfaces (one list for
        /// all VMs): a NIC an earlier run made is reused rather than read once per VM.
        /// </summary>
        private async Task<List<PlannedVm>> ReadGroupAsync(string subscriptionId, string group, DeploySource source, TimeSpan timeout)
        {
            var existing = await _run.StepAsync("listing the resource group's VMs", timeout, ct => _deploy.ListVmsAsync(subscriptionId, group, ct)).ConfigureAwait(false);
            var vms = PlanVms(subscriptionId, group, source, existing);
            if (!vms.Any(v => v.ToCreate && !v.ExistsFromOtherSource))
                return vms;
            var nics = await _run.StepAsync("listing the resource group's network interfaces", timeout, ct => _deploy.ListNicNamesAsync(subscriptionId, group, ct)).ConfigureAwait(false);
            foreach (var vm in vms)
                vm.NicExists = nics.Contains(vm.NicId.Name);
            return vms;
        }

        private List<PlannedVm> PlanVms(string subscriptionId, string group, DeploySource source, IReadOnlyList<ExistingVmState> existing)
        {
            var baseName = (_request.Name ?? "").Trim();
            var names = ComputerNames.VmNames(baseName, _request.Count);
            return names.Select(name =>
            {
                var vm = new PlannedVm
                {
                    Name = name,
                    Id = ArmId.Of(subscriptionId, group, ArmId.VirtualMachines, name),
                    ComputerName = ComputerNames.ComputerNameFor(name, source.IsWindows, _request.Count > 1 ? baseName : null),
                    NicId = ArmId.Of(subscriptionId, group, ArmId.NetworkInterfaces, name + "-nic"),
                    PublicIpId = ArmId.Of(subscriptionId, group, ArmId.PublicIpAddresses, name + "-ip"),
                    Existing = existing.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase)),
                };
                if (vm.Existing != null)
                {
                    vm.Id = vm.Existing.Id;
                    vm.ExistsFromSource = source.Produced(vm.Existing.ImageId) || (source.Kind == DeploySourceKind.ManagedDisk && source.Id.Is(vm.Existing.OsDiskId));
                }
                return vm;
            }).ToList();
        }
    }
}
