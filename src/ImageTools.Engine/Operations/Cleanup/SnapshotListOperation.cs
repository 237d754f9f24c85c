using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Rules;

namespace ImageTools.Engine.Operations.Cleanup
{
    /// <summary>
    /// Get-ImageToolsSnapshot: one list call (a resource group's snapshots, or the subscription's),
    /// kept to those ImageTools made (by their tags), filtered by VM, age and retention. Writes nothing;
    /// its result is emitted under -WhatIf too.
    /// </summary>
    internal sealed class SnapshotListOperation : Operation<IReadOnlyList<SnapshotState>>
    {
        private readonly SnapshotQueryRequest _request;
        private readonly OperationRun _run;
        private readonly IDiskGateway _disks;
        private readonly string _subscriptionId;
        private readonly DateTime _now = DateTime.UtcNow;

        private SnapshotListOperation(SnapshotQueryRequest request, OperationRun run, IDiskGateway disks, string subscriptionId) : base(run)
        {
            _request = request;
            _run = run;
            _disks = disks;
            _subscriptionId = subscriptionId;
            EmitsDoneResultUnderWhatIf = true;
        }

        public static async Task<PreparedOperation> PrepareAsync(SnapshotQueryRequest request, IOperationSink sink, CancellationToken ct, IAzureGateway gateway,
            IDiskGateway disks, EngineOptions options, string subscriptionId)
        {
            if (request.OlderThan is TimeSpan age && age <= TimeSpan.Zero)
                throw new ImageToolsException(ErrorIds.InvalidAge, $"-OlderThan must be a positive time span; {age} was given.",
                    "Pass -OlderThan as a TimeSpan such as (New-TimeSpan -Days 30).", null, FailureCategory.InvalidArgument);
            var run = new OperationRun(sink, ct, gateway, options, "List ImageTools snapshots", "");
            var operation = new SnapshotListOperation(request, run, disks, subscriptionId);
            await operation.PrepareAsync().ConfigureAwait(false);
            return operation;
        }

        private protected override async Task<IReadOnlyList<SnapshotState>> ReadFactsAsync()
        {
            var group = _request.ResourceGroupName?.Trim() ?? "";
            var all = await _run.StepAsync(group.Length > 0 ? $"listing the snapshots of resource group '{group}'" : "listing the snapshots of the subscription",
                _run.Options.OperationTimeout, ct => _disks.ListSnapshotsAsync(_subscriptionId, group, ct)).ConfigureAwait(false);
            return all.Where(Selected).OrderBy(s => s.TimeCreated ?? DateTimeOffset.MinValue).ToList();
        }

        private bool Selected(SnapshotState snapshot)
        {
            if (ImageToolsSnapshots.KindOf(snapshot.Tags) == null)
                return false;
            if (!string.IsNullOrWhiteSpace(_request.VmName)
                && !string.Equals(ImageToolsSnapshots.VmNameOf(snapshot.Tags), _request.VmName!.Trim(), StringComparison.OrdinalIgnoreCase))
                return false;
            if (_request.OlderThan is TimeSpan age && !(snapshot.TimeCreated is DateTimeOffset created && created.UtcDateTime < _now - age))
                return false;
            return !_request.Expired || (ImageToolsSnapshots.RetainUntil(snapshot.Tags) is DateTime until && until < _now);
        }

        private protected override PreflightResult Evaluate(IReadOnlyList<SnapshotState> facts) => new PreflightResult(new[]
        {
            new Finding(ErrorIds.ListingOnly, FindingSeverity.AlreadyDone,
                $"{facts.Count} snapshot(s) made by ImageTools match; listing only, nothing is written.", null, null),
        });

        private protected override OperationPlan PlanFor(IReadOnlyList<SnapshotState> facts) => new OperationPlan();

        private protected override Task<object?> EmitDoneAsync(IReadOnlyList<SnapshotState> facts)
        {
            foreach (var snapshot in facts)
                _run.Sink.WriteObject(ImageToolsSnapshots.ToInfo(snapshot, _now));
            return Task.FromResult<object?>(null);
        }

        private protected override Task<object?> RunStepsAsync(IReadOnlyList<SnapshotState> facts) => EmitDoneAsync(facts);
    }
}
