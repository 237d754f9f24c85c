using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Rules;

namespace ImageTools.Engine.Operations.Orphans
{
    /// <summary>
    /// Get-ImageToolsOrphan: one resource list (a group's, or the subscription's), kept to what
    /// ImageTools' tags say was made for a VM (<see cref="OrphanOrigin"/>), then one GET per VM
    /// named: what was made for a VM that no longer exists is listed. Writes nothing; its result is
    /// emitted under -WhatIf too.
    /// </summary>
    internal sealed class OrphanListOperation : Operation<List<OrphanListOperation.Orphan>>
    {
        private readonly OrphanQueryRequest _request;
        private readonly OperationRun _run;
        private readonly ICleanupGateway _cleanup;
        private readonly string _subscriptionId;

        private OrphanListOperation(OrphanQueryRequest request, OperationRun run, ICleanupGateway cleanup, string subscriptionId) : base(run)
        {
            _request = request;
            _run = run;
            _cleanup = cleanup;
            _subscriptionId = subscriptionId;
            EmitsDoneResultUnderWhatIf = true;
        }

        /// <summary>A resource and the VM it was made for.</summary>
        internal sealed class Orphan
        {
            public Orphan(TaggedResource resource, OrphanOrigin origin)
            {
                Resource = resource;
                Origin = origin;
            }

            public TaggedResource Resource { get; }
            public OrphanOrigin Origin { get; }
        }

        public static async Task<PreparedOperation> PrepareAsync(OrphanQueryRequest request, IOperationSink sink, CancellationToken ct, IAzureGateway gateway,
            ICleanupGateway cleanup, EngineOptions options, string subscriptionId)
        {
            var run = new OperationRun(sink, ct, gateway, options, "List ImageTools orphans", "");
            var operation = new OrphanListOperation(request, run, cleanup, subscriptionId);
            await operation.PrepareAsync().ConfigureAwait(false);
            return operation;
        }

        private protected override async Task<List<Orphan>> ReadFactsAsync()
        {
            var group = _request.ResourceGroupName?.Trim() ?? "";
            var timeout = _run.Options.OperationTimeout;
            var all = await _run.StepAsync(group.Length > 0 ? $"listing the resources of resource group '{group}'" : "listing the resources of the subscription",
                timeout, ct => _cleanup.ListResourcesAsync(_subscriptionId, group, ct)).ConfigureAwait(false);
            var vmName = _request.VmName?.Trim() ?? "";
            var made = all.Select(r => (Resource: r, Origin: OrphanOrigin.Of(r.Id, r.Tags)))
                .Where(m => m.Origin != null && (vmName.Length == 0 || string.Equals(m.Origin.VmId.Name, vmName, StringComparison.OrdinalIgnoreCase)))
                .Select(m => new Orphan(m.Resource, m.Origin!)).ToList();
            var gone = new HashSet<ArmId>();
            foreach (var vm in made.Select(m => m.Origin.VmId).Distinct())
                if (await _run.StepAsync($"reading VM '{vm.Name}'", timeout, ct => _run.Gateway.GetVmAsync(vm, ct)).ConfigureAwait(false) == null)
                    gone.Add(vm);
            return made.Where(m => gone.Contains(m.Origin.VmId))
                .OrderBy(m => m.Origin.VmId.Id, StringComparer.OrdinalIgnoreCase).ThenBy(m => OrphanOrigin.Order(m.Resource.Id)).ThenBy(m => m.Resource.Id.Name, StringComparer.OrdinalIgnoreCase)
                .ToList();
        }

        private protected override PreflightResult Evaluate(List<Orphan> facts) => new PreflightResult(new[]
        {
            new Finding(ErrorIds.ListingOnly, FindingSeverity.AlreadyDone,
                $"{facts.Count} resource(s) made by ImageTools for VMs that no longer exist; listing only, nothing is written.", null, null),
        });

        private protected override OperationPlan PlanFor(List<Orphan> facts) => new OperationPlan();

        private protected override Task<object?> EmitDoneAsync(List<Orphan> facts)
        {
            foreach (var orphan in facts)
                _run.Sink.WriteObject(orphan.Origin.ToInfo(orphan.Resource.Id, orphan.Resource.Location, orphan.Resource.Tags));
            return Task.FromResult<object?>(null);
        }

        private protected override Task<object?> RunStepsAsync(List<Orphan> facts) => EmitDoneAsync(facts);
    }
}
