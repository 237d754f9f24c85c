using System;
using System.Threading;
using System.Threading.Tasks;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Rules;
using ImageTools.Engine.Rules.Cleanup;

namespace ImageTools.Engine.Operations.Cleanup
{
    /// <summary>
    /// Remove-ImageToolsSnapshot: one GET, the rules (made by ImageTools, past its retention), then
    /// the delete as the plan's one irreversible step. A pre-generalize snapshot is the VM's restore
    /// point: the step says that Undo-VmGeneralize can no longer use it.
    /// </summary>
    internal sealed class SnapshotRemoveOperation : Operation<SnapshotRemoveFacts>
    {
        private readonly SnapshotRemoveRequest _request;
        private readonly OperationRun _run;
        private readonly ArmId _id;
        private readonly IDiskGateway _disks;

        private SnapshotRemoveOperation(SnapshotRemoveRequest request, OperationRun run, ArmId id, IDiskGateway disks) : base(run)
        {
            _request = request;
            _run = run;
            _id = id;
            _disks = disks;
        }

        public static async Task<PreparedOperation> PrepareAsync(SnapshotRemoveRequest request, IOperationSink sink, CancellationToken ct, IAzureGateway gateway,
            IDiskGateway disks, EngineOptions options, string subscriptionId)
        {
            var id = ArmId.Resolve(request.Snapshot, subscriptionId, ArmId.Snapshots);
            var run = new OperationRun(sink, ct, gateway, options, $"Remove snapshot '{id.Name}'", "A snapshot already gone is recognised.");
            var operation = new SnapshotRemoveOperation(request, run, id, disks);
            await operation.PrepareAsync().ConfigureAwait(false);
            return operation;
        }

        private protected override async Task<SnapshotRemoveFacts> ReadFactsAsync() =>
            new SnapshotRemoveFacts(_request, _id, await _run.StepAsync("reading the snapshot", _run.Options.OperationTimeout,
                ct => _run.Gateway.GetSnapshotAsync(_id, ct)).ConfigureAwait(false), DateTime.UtcNow);

        private protected override PreflightResult Evaluate(SnapshotRemoveFacts facts) => Rules.Preflight.Evaluate(CleanupRules.Snapshot, facts);

        private protected override OperationPlan PlanFor(SnapshotRemoveFacts facts)
        {
            var plan = new OperationPlan();
            if (facts.Snapshot == null)
                return plan;
            var kind = ImageToolsSnapshots.KindOf(facts.Snapshot.Tags);
            var vm = ImageToolsSnapshots.VmNameOf(facts.Snapshot.Tags);
            plan.AddHighImpact(_id.Id, kind == ImageToolsSnapshots.PreGeneralize
                ? $"Delete snapshot '{_id.Name}', the pre-generalize restore point of VM '{vm}' (Undo-VmGeneralize can no longer use it)"
                : $"Delete snapshot '{_id.Name}' of VM '{vm}'");
            return plan;
        }

        private protected override void Prepared(SnapshotRemoveFacts facts) => DeclinedMessage = $"Declined: snapshot '{_id.Name}' was kept.";

        private protected override Task<object?> EmitDoneAsync(SnapshotRemoveFacts facts) => Task.FromResult<object?>(null);

        private protected override async Task<object?> RunStepsAsync(SnapshotRemoveFacts facts)
        {
            await _run.StepAsync("deleting the snapshot", _run.Options.OperationTimeout, ct => _disks.DeleteSnapshotAsync(_id, ct), 50).ConfigureAwait(false);
            _run.Completed();
            var info = ImageToolsSnapshots.ToInfo(facts.Snapshot!, facts.Now, removed: true);
            _run.Sink.WriteObject(info);
            return info;
        }
    }
}
