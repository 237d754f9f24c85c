using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Rules;
using ImageTools.Engine.Rules.Orphans;

namespace ImageTools.Engine.Operations.Orphans
{
    /// <summary>
    /// Remove-ImageToolsOrphan: one GET of the resource (its tags and what uses it) and one of the
    /// VM its tags name, the rules (made by ImageTools for that VM, the VM gone, nothing attached,
    /// past its retention), then the delete as the plan's one irreversible step.
    /// </summary>
    internal sealed class OrphanRemoveOperation : Operation<OrphanRemoveFacts>
    {
        private readonly OrphanRemoveRequest _request;
        private readonly OperationRun _run;
        private readonly ArmId _id;
        private readonly ICleanupGateway _cleanup;
        private readonly IDiskGateway _disks;

        private OrphanRemoveOperation(OrphanRemoveRequest request, OperationRun run, ArmId id, ICleanupGateway cleanup, IDiskGateway disks) : base(run)
        {
            _request = request;
            _run = run;
            _id = id;
            _cleanup = cleanup;
            _disks = disks;
        }

        public static async Task<PreparedOperation> PrepareAsync(OrphanRemoveRequest request, IOperationSink sink, CancellationToken ct, IAzureGateway gateway,
            ICleanupGateway cleanup, IDiskGateway disks, EngineOptions options, string subscriptionId)
        {
            var id = ArmId.Resolve(request.Resource, subscriptionId, ArmId.Snapshots, OrphanOrigin.Types);
            var run = new OperationRun(sink, ct, gateway, options, $"Remove orphan '{id.Name}'", "A resource already gone is recognised.");
            var operation = new OrphanRemoveOperation(request, run, id, cleanup, disks);
            await operation.PrepareAsync().ConfigureAwait(false);
            return operation;
        }

        private protected override async Task<OrphanRemoveFacts> ReadFactsAsync()
        {
            var timeout = _run.Options.OperationTimeout;
            var read = await _run.StepAsync($"reading '{_id.Name}'", timeout, ReadAsync).ConfigureAwait(false);
            var tags = read?.Tags ?? new Dictionary<string, string>();
            var origin = read == null ? null : OrphanOrigin.Of(_id, tags);
            var vmExists = origin != null &&
                await _run.StepAsync($"reading VM '{origin.VmId.Name}'", timeout, ct => _run.Gateway.GetVmAsync(origin.VmId, ct)).ConfigureAwait(false) != null;
            return new OrphanRemoveFacts(_request, _id, read != null, read?.Location ?? "", tags, read?.AttachedTo ?? new List<string>(), vmExists, DateTime.UtcNow);
        }

        /// <summary>The resource through the read that reports what uses it, per type; null when it does not exist.</summary>
        private async Task<TaggedResource?> ReadAsync(CancellationToken ct)
        {
            if (_id.IsType(ArmId.Snapshots))
                return await _run.Gateway.GetSnapshotAsync(_id, ct).ConfigureAwait(false) is SnapshotState s
                    ? new TaggedResource { Id = _id, Type = _id.Type, Location = s.Location, Tags = s.Tags } : null;
            if (_id.IsType(ArmId.Disks))
            {
                if (!(await _run.Gateway.GetDiskAsync(_id, ct).ConfigureAwait(false) is DiskState d))
                    return null;
                var disk = new TaggedResource { Id = _id, Type = _id.Type, Location = d.Location, Tags = d.Tags };
                if (d.ManagedBy.Length > 0)
                    disk.AttachedTo.Add(d.ManagedBy);
                return disk;
            }
            if (_id.IsType(ArmId.VirtualNetworks))
            {
                if (!(await _cleanup.GetVirtualNetworkUseAsync(_id, ct).ConfigureAwait(false) is VirtualNetworkUse v))
                    return null;
                var network = new TaggedResource { Id = _id, Type = _id.Type, Location = v.Location, Tags = v.Tags };
                network.AttachedTo.AddRange(v.IpConfigurationIds.Concat(v.OtherAttachedIds));
                return network;
            }
            return await _cleanup.GetNetworkResourceAsync(_id, ct).ConfigureAwait(false);
        }

        private protected override PreflightResult Evaluate(OrphanRemoveFacts facts) => Rules.Preflight.Evaluate(OrphanRules.All, facts);

        private protected override OperationPlan PlanFor(OrphanRemoveFacts facts) => facts.Origin == null
            ? new OperationPlan()
            : new OperationPlan().AddHighImpact(_id.Id, $"Delete '{_id.Name}', the {facts.Origin.Description}, which no longer exists");

        private protected override void Prepared(OrphanRemoveFacts facts) => DeclinedMessage = $"Declined: '{_id.Name}' was kept.";

        private protected override Task<object?> EmitDoneAsync(OrphanRemoveFacts facts) => Task.FromResult<object?>(null);

        private protected override async Task<object?> RunStepsAsync(OrphanRemoveFacts facts)
        {
            var timeout = _run.Options.OperationTimeout;
            if (_id.IsType(ArmId.Snapshots))
                await _run.StepAsync("deleting the snapshot", timeout, ct => _disks.DeleteSnapshotAsync(_id, ct), 50).ConfigureAwait(false);
            else if (_id.IsType(ArmId.Disks))
                await _run.StepAsync("deleting the managed disk", timeout, ct => _cleanup.DeleteDiskAsync(_id, ct), 50).ConfigureAwait(false);
            else
                await _run.StepAsync($"deleting the {_id.Type}", timeout, ct => _cleanup.DeleteNetworkResourceAsync(_id, _id.Type, ct), 50).ConfigureAwait(false);
            _run.Completed();
            var info = facts.Origin!.ToInfo(_id, facts.Location, facts.Tags, removed: true);
            _run.Sink.WriteObject(info);
            return info;
        }
    }
}
