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
    internal sealed class DeployOperation : PreparedOperation
    {
        public const string VnetPrefix = "imagetools-vnet-";
        public const string SubnetName = "default";
        private const string VnetAddressPrefix = "10.0.0.0/16";
        private const string SubnetAddressPrefix = "10.0.0.0/24";

        private readonly DeployRequest _request;
        private readonly OperationRun _run;
        private readonly IGalleryGateway _galleries;
        private readonly IDeployGateway _deploy;
        private int _done;

        private DeployFacts _facts = null!;
        private List<(PlannedVm Vm, IReadOnlyList<Finding> Findings)> _perVm = null!;

        private DeployOperation(DeployRequest request, OperationRun run, IGalleryGateway galleries, IDeployGateway deploy) : base(run)
        {
            _request = request;
            _run = run;
            _galleries = galleries;
            _deploy = deploy;
        }

        private IAzureGateway Azure => _run.Gateway;
        private IOperationSink Sink => _run.Sink;

        /// <summary>Resolves the source, reads the target group, sizes, quota and network, and evaluates the rules; writes nothing.</summary>
        public static async Task<PreparedOperation> PrepareAsync(DeployRequest request, IOperationSink sink, CancellationToken ct, IAzureGateway gateway,
            IGalleryGateway galleries, IDeployGateway deploy, EngineOptions options, string subscriptionId)
        {
            if (request.Count < 1)
                throw new ImageToolsException("CountOutOfRange", $"-Count {request.Count} is invalid: at least one VM is created.",
                    "Pass -Count 1 or more.", request.Name, FailureCategory.InvalidArgument);
            var run = new OperationRun(sink, ct, gateway, options, $"Create VM '{request.Name}'" + (request.Count > 1 ? $" ×{request.Count}" : ""),
                "VMs already made from the same source are recognised and emitted; only the missing ones are created.");
            var operation = new DeployOperation(request, run, galleries, deploy);
            await operation.PrepareAsync(subscriptionId).ConfigureAwait(false);
            return operation;
        }

        private async Task PrepareAsync(string subscriptionId)
        {
            var facts = _facts = await ReadFactsAsync(subscriptionId).ConfigureAwait(false);
            Preflight = Rules.Preflight.Evaluate(DeployRules.All, facts);
            _perVm = facts.Vms.Select(v => (Vm: v, Findings: Rules.Preflight.Evaluate(DeployRules.PerVm, v).Refusals)).ToList();
            ItemRefusals = _perVm.SelectMany(p => p.Findings).ToList();
            Plan = PlanFor(facts);
            if (AlreadyDone is Finding done)
                Sink.WriteVerbose(done.Message);
            else if (facts.Source.Kind == DeploySourceKind.GalleryDefinition && facts.Source.ImageId.Length > 0)
                Sink.WriteVerbose($"Latest version of '{facts.Source.Name}' in '{facts.TargetLocation}': '{facts.Source.ImageId}'.");
        }

        private protected override async Task<object?> ExecuteCoreAsync()
        {
            var facts = _facts;
            if (AlreadyDone != null)
            {
                foreach (var vm in facts.Vms)
                    await EmitAsync(vm, _run.Cancellation).ConfigureAwait(false);
                return null;
            }

            var subnetId = facts.Network.SubnetId;
            if (facts.Network.CreatesVirtualNetwork && facts.ToCreate.Any())
            {
                var vnet = await _run.StepAsync($"creating virtual network '{Name(facts.Network.VirtualNetworkId)}'", _run.Options.OperationTimeout,
                    ct => _deploy.CreateVirtualNetworkAsync(new VirtualNetworkSpec
                    {
                        Id = facts.Network.VirtualNetworkId,
                        Location = facts.TargetLocation,
                        AddressPrefix = VnetAddressPrefix,
                        SubnetName = SubnetName,
                        SubnetPrefix = SubnetAddressPrefix,
                        Tags = Tags(),
                    }, ct), 5).ConfigureAwait(false);
                subnetId = vnet.Subnets.FirstOrDefault(s => string.Equals(s.Name, SubnetName, StringComparison.OrdinalIgnoreCase))?.Id is { Length: > 0 } made
                    ? made : subnetId;
            }

            await FanOutAsync(facts, _perVm.Where(p => p.Findings.Count > 0).ToDictionary(p => p.Vm, p => p.Findings[0]), subnetId).ConfigureAwait(false);
            return null;
        }

        // ---- the fan-out ----

        private async Task FanOutAsync(DeployFacts facts, Dictionary<PlannedVm, Finding> refused, string subnetId)
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
                    Progress(Interlocked.Increment(ref _done), total);
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

        private async Task DeployOneAsync(DeployFacts facts, PlannedVm vm, string subnetId)
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
                    step = "reading its network interface";
                    var nic = await _deploy.GetNicAsync(vm.NicId, ct).ConfigureAwait(false);
                    if (nic == null)
                    {
                        var publicIp = "";
                        if (_request.PublicIp)
                        {
                            step = "creating its public IP address";
                            Sink.WriteVerbose($"VM '{vm.Name}': {step} '{Name(vm.PublicIpId)}'");
                            publicIp = await _deploy.CreatePublicIpAsync(new PublicIpSpec
                            {
                                Id = vm.PublicIpId, Location = facts.TargetLocation, Zones = _request.Zones ?? Array.Empty<string>(), Tags = Tags(),
                            }, ct).ConfigureAwait(false);
                        }
                        step = "creating its network interface";
                        Sink.WriteVerbose($"VM '{vm.Name}': {step} '{Name(vm.NicId)}'");
                        await _deploy.CreateNicAsync(new NicSpec { Id = vm.NicId, Location = facts.TargetLocation, SubnetId = subnetId, PublicIpId = publicIp, Tags = Tags() }, ct)
                            .ConfigureAwait(false);
                    }
                    step = "creating the VM";
                    Sink.WriteVerbose($"VM '{vm.Name}': {step} ({_request.VmSize}, computer name '{vm.ComputerName}') from '{facts.Source.ImageId}'");
                    await _deploy.CreateVmAsync(Spec(facts, vm), ct).ConfigureAwait(false);
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
                Sink.WriteError(new ImageToolsException("VmCreateFailed",
                    $"VM '{vm.Name}' failed while {step}: {e.Message}",
                    "Rerun the same command: the VMs already made are recognised and emitted, only the missing ones are created." +
                    (e.Remedy != null ? " " + e.Remedy : ""),
                    vm.Id, e.Category, e));
            }
        }

        private async Task EmitAsync(PlannedVm vm, CancellationToken ct)
        {
            var state = await Azure.GetVmAsync(vm.Id, ct).ConfigureAwait(false)
                ?? throw new ImageToolsException("VmNotFound", $"VM '{vm.Name}' was not found after it was created.",
                    "Check the resource group's activity log, then rerun the same command.", vm.Id, FailureCategory.ObjectNotFound);
            Sink.WriteObject(ModelMapper.ToVmInfo(state));
        }

        private void Progress(int done, int total)
        {
            Sink.WriteProgress(new OperationProgress(1, _run.Activity, $"{done} of {total} VMs", total == 0 ? 100 : done * 100 / total));
        }

        private VmSpec Spec(DeployFacts facts, PlannedVm vm) => new VmSpec
        {
            Id = vm.Id,
            Location = facts.TargetLocation,
            VmSize = facts.Size?.Name ?? _request.VmSize,
            Zones = _request.Zones ?? Array.Empty<string>(),
            Tags = Tags(),
            ImageId = facts.Source.ImageId,
            OsType = facts.Source.IsWindows ? "Windows" : "Linux",
            SecurityType = VmSecurityType(facts.Source),
            NicId = vm.NicId,
            WithOsProfile = !facts.Source.IsSpecialized,
            ComputerName = vm.ComputerName,
            AdminUserName = facts.AdminUserName,
            AdminPassword = _request.Credential?.Password is { Length: > 0 } password ? password : null,
            SshPublicKey = facts.Source.IsWindows ? null : _request.SshPublicKey,
        };

        /// <summary>
        /// The VM's security type follows the source: a definition that requires TrustedLaunch or
        /// ConfidentialVM gets it; one that merely supports Trusted Launch gets Trusted Launch (Gen2).
        /// </summary>
        internal static string VmSecurityType(DeploySource source)
        {
            var type = source.SecurityType ?? "";
            if (type.StartsWith("ConfidentialVM", StringComparison.OrdinalIgnoreCase) && !type.EndsWith("Supported", StringComparison.OrdinalIgnoreCase))
                return "ConfidentialVM";
            if (type.StartsWith("TrustedLaunch", StringComparison.OrdinalIgnoreCase) && string.Equals(source.HyperVGeneration, "V2", StringComparison.OrdinalIgnoreCase))
                return "TrustedLaunch";
            return "Standard";
        }

        private Dictionary<string, string> Tags() => new Dictionary<string, string>(_request.Tags ?? new Dictionary<string, string>());

        private static string Name(string id) => id.Substring(id.LastIndexOf('/') + 1);

        // ---- the plan ----

        private OperationPlan PlanFor(DeployFacts facts)
        {
            var plan = new OperationPlan();
            if (facts.Network.CreatesVirtualNetwork && facts.ToCreate.Any())
                plan.Add(facts.Network.VirtualNetworkId,
                    $"Create virtual network '{Name(facts.Network.VirtualNetworkId)}' ({VnetAddressPrefix}, subnet '{SubnetName}' {SubnetAddressPrefix}) in '{facts.TargetLocation}'");
            var security = VmSecurityType(facts.Source);
            foreach (var vm in facts.ToCreate)
            {
                if (_request.PublicIp)
                    plan.Add(vm.PublicIpId, $"Create public IP address '{Name(vm.PublicIpId)}' (Standard, static) unless its NIC exists");
                plan.Add(vm.NicId, $"Create network interface '{Name(vm.NicId)}' in subnet '{facts.Network.SubnetId}' unless it exists");
                plan.Add(vm.Id, $"{(vm.Existing != null ? "Create again (left Failed)" : "Create")} VM '{vm.Name}' ({_request.VmSize}, {facts.Source.OsType}, " +
                                $"{security}{(_request.Zones?.Length > 0 ? ", zone " + string.Join(",", _request.Zones) : "")}, computer name '{vm.ComputerName}') " +
                                $"from '{(facts.Source.ImageId.Length > 0 ? facts.Source.ImageId : facts.Source.Id)}'");
            }
            return plan;
        }

        // ---- reading the state ----

        private async Task<DeployFacts> ReadFactsAsync(string subscriptionId)
        {
            var timeout = _run.Options.OperationTimeout;
            var source = await ReadSourceAsync(subscriptionId, timeout).ConfigureAwait(false);
            var location = RegionNames.Normalize(Stated(_request.Location) ?? source.Location);
            if (source.Exists && source.Kind != DeploySourceKind.ManagedImage)
                location = await ResolveGalleryAsync(source, location, timeout).ConfigureAwait(false);
            else if (source.Exists && RegionNames.Same(source.Location, location))
                source.ImageId = source.Id;

            var group = (_request.ResourceGroupName ?? "").Trim();
            var groupExists = group.Length > 0 && await _run.StepAsync("reading the resource group", timeout,
                ct => Azure.ResourceGroupExistsAsync(subscriptionId, group, ct)).ConfigureAwait(false);
            var existing = groupExists
                ? await _run.StepAsync("listing the resource group's VMs", timeout, ct => _deploy.ListVmsAsync(subscriptionId, group, ct)).ConfigureAwait(false)
                : Array.Empty<ExistingVmState>();

            IReadOnlyList<VmSizeState> sizes = Array.Empty<VmSizeState>();
            IReadOnlyList<UsageState> usages = Array.Empty<UsageState>();
            IReadOnlyList<VmSkuState> skus = Array.Empty<VmSkuState>();
            if (location.Length > 0)
            {
                sizes = await _run.StepAsync($"listing the VM sizes of '{location}'", timeout, ct => _deploy.ListVmSizesAsync(subscriptionId, location, ct)).ConfigureAwait(false);
                usages = await _run.StepAsync($"reading the vCPU usage of '{location}'", timeout, ct => _deploy.ListUsagesAsync(subscriptionId, location, ct)).ConfigureAwait(false);
                skus = await ReadSkusAsync(subscriptionId, location, timeout).ConfigureAwait(false);
            }

            var network = await ReadNetworkAsync(subscriptionId, group, groupExists, location, timeout).ConfigureAwait(false);
            var vms = PlanVms(subscriptionId, group, source, existing);
            var facts = new DeployFacts(_request, subscriptionId, source, location, groupExists, vms, sizes, usages, network, skus);
            if (facts.Size != null && !facts.FamilyFromSku)
                Sink.WriteVerbose(facts.Sku == null
                    ? $"The resource SKUs of '{location}' do not say the family of '{facts.Size.Name}': its vCPU family quota is " +
                      (facts.Family != null ? $"'{facts.Family.Name}', derived from the size name." : "not checked (no usage row matches the size name).")
                    : $"The family '{facts.Sku.Family}' of '{facts.Size.Name}' is not in the usages of '{location}': its vCPU family quota is " +
                      (facts.Family != null ? $"'{facts.Family.Name}', derived from the size name." : "not checked (no usage row matches the size name)."));
            return facts;
        }

        /// <summary>
        /// The location's VM SKUs, read once per run. A failed read (after the SDK's retries) does not
        /// stop the run: the family quota falls back to the name-derived family and the generation check
        /// is left to ARM, which says so in verbose.
        /// </summary>
        private async Task<IReadOnlyList<VmSkuState>> ReadSkusAsync(string subscriptionId, string location, TimeSpan timeout)
        {
            try
            {
                return await _run.StepAsync($"reading the VM SKUs of '{location}'", timeout, ct => _deploy.ListVmSkusAsync(subscriptionId, location, ct)).ConfigureAwait(false);
            }
            catch (AzureRequestException e)
            {
                Sink.WriteVerbose($"The resource SKUs of '{location}' could not be read ({e.Message}); the size's generations are not checked before the VM PUT.");
                return Array.Empty<VmSkuState>();
            }
        }

        private static string? Stated(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();

        private List<PlannedVm> PlanVms(string subscriptionId, string group, DeploySource source, IReadOnlyList<ExistingVmState> existing)
        {
            var baseName = (_request.Name ?? "").Trim();
            var names = ComputerNames.VmNames(baseName, _request.Count);
            return names.Select(name =>
            {
                var vm = new PlannedVm
                {
                    Name = name,
                    Id = ArmId.Format(subscriptionId, group, ArmId.VirtualMachines, name),
                    ComputerName = ComputerNames.ComputerNameFor(name, source.IsWindows, _request.Count > 1 ? baseName : null),
                    NicId = ArmId.Format(subscriptionId, group, "Microsoft.Network/networkInterfaces", name + "-nic"),
                    PublicIpId = ArmId.Format(subscriptionId, group, "Microsoft.Network/publicIPAddresses", name + "-ip"),
                    Existing = existing.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase)),
                };
                if (vm.Existing != null)
                {
                    vm.Id = vm.Existing.Id;
                    vm.ExistsFromSource = source.Produced(vm.Existing.ImageId);
                }
                return vm;
            }).ToList();
        }

        private async Task<PlannedNetwork> ReadNetworkAsync(string subscriptionId, string group, bool groupExists, string location, TimeSpan timeout)
        {
            var network = new PlannedNetwork();
            var given = Stated(_request.SubnetId);
            if (given != null)
            {
                network.GivenSubnetId = given;
                network.SubnetId = given;
                var at = given.IndexOf("/subnets/", StringComparison.OrdinalIgnoreCase);
                if (at > 0 && ArmId.TryParse(given.Substring(0, at), out var vnetId))
                {
                    network.VirtualNetworkId = vnetId.Id;
                    network.SubnetName = given.Substring(at + "/subnets/".Length).Trim('/');
                    network.VirtualNetwork = await _run.StepAsync("reading the subnet's virtual network", timeout,
                        ct => _deploy.GetVirtualNetworkAsync(vnetId.Id, ct)).ConfigureAwait(false);
                }
                return network;
            }
            network.VirtualNetworkId = ArmId.Format(subscriptionId, group, "Microsoft.Network/virtualNetworks", VnetPrefix + location);
            network.SubnetName = SubnetName;
            network.SubnetId = network.VirtualNetworkId + "/subnets/" + SubnetName;
            if (groupExists && location.Length > 0)
            {
                network.VirtualNetwork = await _run.StepAsync("reading the run's virtual network", timeout,
                    ct => _deploy.GetVirtualNetworkAsync(network.VirtualNetworkId, ct)).ConfigureAwait(false);
                var subnet = network.VirtualNetwork?.Subnets.FirstOrDefault(s => string.Equals(s.Name, SubnetName, StringComparison.OrdinalIgnoreCase));
                if (subnet != null && subnet.Id.Length > 0)
                    network.SubnetId = subnet.Id;
            }
            return network;
        }

        private async Task<DeploySource> ReadSourceAsync(string subscriptionId, TimeSpan timeout)
        {
            var reference = _request.Source ?? new ResourceReference();
            var id = reference.ResourceId?.Trim();
            if (GalleryIds.TryParseVersion(id, out _, out _, out _, out _, out var versionName))
            {
                var source = new DeploySource { Kind = DeploySourceKind.GalleryVersion, Id = id!, Name = versionName };
                var definition = await _run.StepAsync("reading the source version's definition", timeout,
                    ct => _galleries.GetDefinitionAsync(GalleryIds.DefinitionOf(id!), ct)).ConfigureAwait(false);
                if (definition != null)
                {
                    Describe(source, definition);
                    source.Exists = true; // confirmed (or not) by reading the version itself
                }
                return source;
            }
            if (IsDefinitionId(id))
            {
                var source = new DeploySource { Kind = DeploySourceKind.GalleryDefinition, Id = id!.TrimEnd('/'), Name = Name(id.TrimEnd('/')) };
                var definition = await _run.StepAsync("reading the source definition", timeout, ct => _galleries.GetDefinitionAsync(source.Id, ct)).ConfigureAwait(false);
                if (definition != null)
                {
                    Describe(source, definition);
                    source.Exists = true;
                    source.Location = definition.Location;
                }
                return source;
            }

            var armId = ArmId.Resolve(reference, subscriptionId, ArmId.Images, ArmId.Images);
            var result = new DeploySource { Kind = DeploySourceKind.ManagedImage, Id = armId.Id, Name = armId.Name };
            var image = await _run.StepAsync("reading the source image", timeout, ct => Azure.GetImageAsync(armId.Id, ct)).ConfigureAwait(false);
            if (image == null)
                return result;
            result.Exists = true;
            result.Id = image.Id.Length > 0 ? image.Id : armId.Id;
            result.Location = image.Location;
            result.OsType = image.OsType;
            result.OsState = image.OsState.Length > 0 ? image.OsState : "Generalized";
            result.HyperVGeneration = image.HyperVGeneration.Length > 0 ? image.HyperVGeneration : "V1";
            result.SecurityType = "Standard";
            if (string.Equals(image.ProvisioningState, "Succeeded", StringComparison.OrdinalIgnoreCase) || image.ProvisioningState.Length == 0)
                result.AvailableIn.Add(RegionNames.Normalize(image.Location));
            return result;
        }

        private static void Describe(DeploySource source, GalleryDefinitionState definition)
        {
            source.OsType = definition.OsType;
            source.OsState = definition.OsState.Length > 0 ? definition.OsState : "Generalized";
            source.HyperVGeneration = definition.HyperVGeneration;
            source.SecurityType = definition.SecurityType;
        }

        /// <summary>/subscriptions/s/resourceGroups/g/providers/Microsoft.Compute/galleries/x/images/y</summary>
        private static bool IsDefinitionId(string? id)
        {
            if (string.IsNullOrWhiteSpace(id))
                return false;
            var p = id!.Trim('/').Split('/');
            return p.Length == 10 && string.Equals(p[6], "galleries", StringComparison.OrdinalIgnoreCase) &&
                   string.Equals(p[8], "images", StringComparison.OrdinalIgnoreCase) && string.Equals(p[5], "Microsoft.Compute", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>
        /// A version: where its replicas have Completed. A definition: the highest version not
        /// excluded from latest, Succeeded and Completed in the target location (read with
        /// $expand=ReplicationStatus from the highest down, stopping at the first that fits).
        /// </summary>
        /// <returns>The target location: the given one, else the version's or the definition's region.</returns>
        private async Task<string> ResolveGalleryAsync(DeploySource source, string location, TimeSpan timeout)
        {
            if (source.Kind == DeploySourceKind.GalleryVersion)
            {
                var version = await _run.StepAsync("reading the source version and its replication", timeout,
                    ct => _galleries.GetVersionAsync(source.Id, replicationStatus: true, ct)).ConfigureAwait(false);
                if (version == null)
                {
                    source.Exists = false;
                    return location;
                }
                source.Exists = true;
                source.Id = version.Id.Length > 0 ? version.Id : source.Id;
                source.Location = version.Location;
                if (location.Length == 0)
                    location = RegionNames.Normalize(version.Location);
                if (string.Equals(version.ProvisioningState, "Succeeded", StringComparison.OrdinalIgnoreCase))
                    source.AvailableIn.AddRange(CompletedRegions(version, forLatest: false));
                if (source.AvailableIn.Contains(location))
                    source.ImageId = source.Id;
                return location;
            }

            var versions = await _run.StepAsync("listing the definition's versions", timeout, ct => _galleries.ListVersionsAsync(source.Id, ct)).ConfigureAwait(false);
            var ordered = versions
                .Select(v => (Version: v, Ok: GalleryVersionNumber.TryParse(v.Name, out var number), Number: number))
                .Where(v => v.Ok)
                .OrderByDescending(v => v.Number)
                .Select(v => v.Version)
                .ToList();
            foreach (var candidate in ordered)
            {
                if (source.ImageId.Length > 0)
                {
                    source.Considered.Add((candidate.Name, "is older than the chosen version"));
                    continue;
                }
                if (candidate.ExcludeFromLatest)
                {
                    source.Considered.Add((candidate.Name, "is excluded from latest"));
                    continue;
                }
                if (!string.Equals(candidate.ProvisioningState, "Succeeded", StringComparison.OrdinalIgnoreCase))
                {
                    source.Considered.Add((candidate.Name, $"is {(candidate.ProvisioningState.Length > 0 ? candidate.ProvisioningState : "not provisioned")}"));
                    continue;
                }
                var read = await _run.StepAsync($"reading the replication of version '{candidate.Name}'", timeout,
                    ct => _galleries.GetVersionAsync(candidate.Id, replicationStatus: true, ct)).ConfigureAwait(false) ?? candidate;
                var completed = CompletedRegions(read, forLatest: true);
                foreach (var region in completed.Where(r => !source.AvailableIn.Contains(r)))
                    source.AvailableIn.Add(region);
                if (completed.Contains(location))
                {
                    source.ImageId = read.Id.Length > 0 ? read.Id : candidate.Id;
                    source.Considered.Add((candidate.Name, ""));
                    continue;
                }
                var listed = read.Regions.FirstOrDefault(r => RegionNames.Same(r.Name, location));
                source.Considered.Add((candidate.Name, listed == null
                    ? $"is not replicated to '{location}' (completed in: {(completed.Count > 0 ? string.Join(", ", completed) : "none")})"
                    : listed.ExcludeFromLatest ? $"is excluded from latest in '{location}'"
                    : $"is still replicating to '{location}' ({(listed.State.Length > 0 ? listed.State : "Unknown")})"));
            }
            return location;
        }

        private static List<string> CompletedRegions(GalleryVersionState version, bool forLatest) =>
            version.Regions
                .Where(r => string.Equals(r.State, "Completed", StringComparison.OrdinalIgnoreCase) && !(forLatest && r.ExcludeFromLatest))
                .Select(r => RegionNames.Normalize(r.Name))
                .Distinct()
                .ToList();
    }
}
