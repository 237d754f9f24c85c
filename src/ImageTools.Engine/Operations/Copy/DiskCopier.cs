using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Rules.Copy;

namespace ImageTools.Engine.Operations.Copy
{
    /// <summary>
    /// Copies one image's disks to the target as snapshots. In the same region: a full snapshot of
    /// each source (Copy). To another region: an incremental snapshot of each source disk in its own
    /// region (a snapshot source is first made a disk: incremental snapshots come from disks), then
    /// CopyStart of it to the target region, waiting until every copy reads completionPercent 100, with a
    /// progress bar per disk. Each resource an earlier run made is recognised and not made again.
    /// </summary>
    internal sealed class DiskCopier
    {
        private readonly OperationRun _run;
        private readonly IDiskTransferGateway _disks;
        private readonly CopyFacts _facts;

        public DiskCopier(OperationRun run, IDiskTransferGateway disks, CopyFacts facts)
        {
            _run = run;
            _disks = disks;
            _facts = facts;
        }

        private TimeSpan Timeout => _run.Options.OperationTimeout;

        /// <summary>The plan's steps for one disk.</summary>
        public static IEnumerable<(string Target, string Action)> PlanFor(CopyFacts facts, CopyDisk disk)
        {
            var source = facts.Source!;
            if (!facts.CrossRegion)
            {
                if (disk.Copy == null)
                    yield return (disk.CopyId.Id, $"Create snapshot '{disk.CopyId.Name}' (full copy) of the {disk.Label}");
                yield break;
            }
            if (disk.StageDiskId != null && disk.StageDisk == null && disk.Copy == null)
                yield return (disk.StageDiskId.Id, $"Create disk '{disk.StageDiskId.Name}' in {source.Location} from snapshot '{disk.SourceId!.Name}' (incremental snapshots are taken of disks)");
            if (disk.StageSnapshot == null && disk.Copy == null)
                yield return (disk.StageSnapshotId!.Id, $"Create incremental snapshot '{disk.StageSnapshotId.Name}' of the {disk.Label} in {source.Location}");
            if (disk.Copy == null)
                yield return (disk.CopyId.Id, $"Copy it to {facts.TargetLocation} as snapshot '{disk.CopyId.Name}' (CopyStart) and wait for the copy to complete");
        }

        public async Task RunAsync()
        {
            var source = _facts.Source!;
            foreach (var disk in _facts.Disks)
            {
                if (!_facts.CrossRegion)
                {
                    if (disk.Copy == null)
                        disk.Copy = await Snapshot(disk.CopyId, source.Location, disk.SourceId!, "Copy", incremental: false, $"copying the {disk.Label} to snapshot '{disk.CopyId.Name}'")
                            .ConfigureAwait(false);
                    continue;
                }
                if (disk.Copy != null)
                    continue;
                var stageSource = disk.SourceId!;
                if (disk.StageDiskId != null)
                {
                    if (disk.StageSnapshot == null && disk.StageDisk == null)
                        disk.StageDisk = await _run.StepAsync($"making the {disk.Label}'s snapshot a disk ('{disk.StageDiskId.Name}')", Timeout,
                            ct => _disks.CreateDiskAsync(new DiskCreateSpec
                            {
                                SubscriptionId = disk.StageDiskId.SubscriptionId, ResourceGroupName = disk.StageDiskId.ResourceGroupName, Name = disk.StageDiskId.Name,
                                Location = source.Location, CreateOption = "Copy", SourceResourceId = disk.SourceId, Tags = Tags(),
                            }, ct)).ConfigureAwait(false);
                    stageSource = disk.StageDiskId;
                }
                if (disk.StageSnapshot == null)
                    disk.StageSnapshot = await Snapshot(disk.StageSnapshotId!, source.Location, stageSource, "Copy", incremental: true,
                        $"taking incremental snapshot '{disk.StageSnapshotId!.Name}' of the {disk.Label}").ConfigureAwait(false);
                disk.Copy = await Snapshot(disk.CopyId, _facts.TargetLocation, disk.StageSnapshotId!, "CopyStart", incremental: true,
                    $"starting the copy of the {disk.Label} to {_facts.TargetLocation}").ConfigureAwait(false);
            }
            if (_facts.CrossRegion)
                await WaitForCopiesAsync().ConfigureAwait(false);
        }

        private Task<SnapshotState> Snapshot(ArmId id, string location, ArmId sourceId, string option, bool incremental, string step) =>
            _run.StepAsync(step, Timeout, ct => _disks.CreateSnapshotCopyAsync(new SnapshotCopySpec
            {
                SubscriptionId = id.SubscriptionId, ResourceGroupName = id.ResourceGroupName, Name = id.Name, Location = location,
                SourceResourceId = sourceId, CreateOption = option, Incremental = incremental, Tags = Tags(),
            }, ct));

        /// <summary>Polls each copy until completionPercent reads 100; a copyCompletionError fails the run naming the disk and what to do.</summary>
        private async Task WaitForCopiesAsync()
        {
            var pending = _facts.Disks.ToList();
            var pace = _run.GuestPace();
            await _run.StepAsync($"waiting for the snapshot copies to {_facts.TargetLocation}", _facts.Request.CopyTimeout, async ct =>
            {
                while (true)
                {
                    foreach (var disk in pending.ToList())
                    {
                        var copy = await _disks.GetSnapshotAsync(disk.CopyId, ct).ConfigureAwait(false) ?? disk.Copy!;
                        disk.Copy = copy;
                        if (copy.CopyErrorCode.Length > 0)
                            throw new ImageToolsException(ErrorIds.SnapshotCopyFailed,
                                $"The copy of the {disk.Label} to {_facts.TargetLocation} stopped: {copy.CopyErrorCode}: {copy.CopyErrorMessage}",
                                $"Remove snapshot '{copy.Name}' (Remove-AzSnapshot -ResourceGroupName {disk.CopyId.ResourceGroupName} -SnapshotName {copy.Name}) and rerun the same command; finished copies are kept.",
                                copy.Id.Id, FailureCategory.ResourceUnavailable);
                        var percent = (int)Math.Round(copy.CompletionPercent);
                        _run.Sink.WriteProgress(new OperationProgress(2 + Math.Max(0, disk.Lun + 1), $"Copying the {disk.Label} to {_facts.TargetLocation}",
                            $"{percent}% copied", percent, completed: percent >= 100, parentActivityId: 1,
                            line: $"{_run.Activity}: the {disk.Label}'s copy to {_facts.TargetLocation} is {percent}% done"));
                        if (percent >= 100)
                            pending.Remove(disk);
                    }
                    if (pending.Count == 0)
                        return;
                    await pace.WaitAsync(ct).ConfigureAwait(false);
                }
            }, 60).ConfigureAwait(false);
        }

        private Dictionary<string, string> Tags() =>
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [CopyFacts.CopyOfTag] = _facts.Source!.Id.Id };
    }
}
