using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Operations.VmssUpgrade
{
    /// <summary>
    /// Follows a scale set's rolling upgrade until it ends: each read of rollingUpgrades/latest and
    /// of the instances becomes a progress record per batch (batch k of n, instances upgraded, in
    /// progress, pending) and a verbose line per instance as it comes up on the new image. Reads
    /// back off from 1 s to 15 s while nothing changes (the session's polling interval when set).
    /// </summary>
    internal sealed class RollingUpgradeWatcher
    {
        private static readonly TimeSpan FirstPause = TimeSpan.FromSeconds(1);
        private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(15);

        private readonly OperationRun _run;
        private readonly IScaleSetGateway _scaleSets;
        private readonly HashSet<string> _reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        public RollingUpgradeWatcher(OperationRun run, IScaleSetGateway scaleSets)
        {
            _run = run;
            _scaleSets = scaleSets;
        }

        /// <summary>
        /// Waits for the upgrade that started after <paramref name="previousStart"/> (or the one running now)
        /// to end; returns its last state and the instances as they were then.
        /// </summary>
        public async Task<(RollingUpgradeState? Upgrade, IReadOnlyList<ScaleSetInstanceState> Instances)> FollowAsync(
            ScaleSetState vmss, string targetImageId, DateTimeOffset? previousStart, bool runningAlready, TimeSpan timeout)
        {
            using var limit = new CancellationTokenSource(timeout);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(_run.Cancellation, limit.Token);
            var ct = linked.Token;
            var pause = FirstPause;
            var last = "";
            try
            {
                while (true)
                {
                    var latest = await _scaleSets.GetLatestRollingUpgradeAsync(vmss.Id, ct).ConfigureAwait(false);
                    var instances = await _scaleSets.ListInstancesAsync(vmss, ct).ConfigureAwait(false);
                    ReportInstances(vmss, instances, targetImageId, latest);
                    var ours = latest != null && (runningAlready || latest.StartTime != previousStart);
                    var onTarget = instances.Count(i => ArmId.SameId(ScaleSetMapper.ImageOf(i), targetImageId));
                    var status = ours ? Status(latest!, instances.Count) : $"waiting for the rolling upgrade to start ({onTarget} of {instances.Count} instances on the new image)";
                    // A log without progress bars gets a line when the status changes, not one per read.
                    if (ours)
                        _run.Sink.WriteProgress(new OperationProgress(1, _run.Activity, status, Percent(latest!, instances.Count), line: status == last ? null : status));
                    if (ours && !latest!.Running)
                        return (latest, instances);
                    if (!ours && instances.Count > 0 && onTarget == instances.Count && previousStart == null && latest == null)
                        return (null, instances);
                    pause = status == last ? Next(pause) : FirstPause;
                    last = status;
                    await Task.Delay(_run.Options.PollingInterval is TimeSpan fixedPause ? Max(fixedPause, TimeSpan.FromMilliseconds(50)) : pause, ct).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException e) when (_run.Cancellation.IsCancellationRequested)
            {
                throw _run.Stopped(e);
            }
            catch (OperationCanceledException e) when (limit.IsCancellationRequested)
            {
                throw _run.TimedOut($"the rolling upgrade of scale set '{vmss.Name}'", timeout, e);
            }
        }

        private void ReportInstances(ScaleSetState vmss, IReadOnlyList<ScaleSetInstanceState> instances, string targetImageId, RollingUpgradeState? latest)
        {
            foreach (var instance in instances.Where(i => ArmId.SameId(ScaleSetMapper.ImageOf(i), targetImageId)))
            {
                if (_reported.Add(instance.Name))
                    _run.Sink.WriteVerbose($"Scale set '{vmss.Name}': instance '{instance.Name}' (computer name '{instance.ComputerName}') runs '{targetImageId}'" +
                                           (latest != null ? $" ({latest.Successful} of {instances.Count} upgraded)." : "."));
            }
        }

        /// <summary>"Batch 2 of 3: 2 upgraded, 2 in progress, 1 pending, 0 failed".</summary>
        public static string Status(RollingUpgradeState upgrade, int instanceCount)
        {
            var total = Math.Max(upgrade.Total, instanceCount);
            var batchSize = Math.Max(1, (int)Math.Ceiling(total * Math.Max(1, upgrade.MaxBatchInstancePercent) / 100.0));
            var batches = Math.Max(1, (int)Math.Ceiling(total / (double)batchSize));
            var done = upgrade.Successful + upgrade.Failed;
            var batch = upgrade.Running ? Math.Min(batches, done / batchSize + 1) : Math.Min(batches, (int)Math.Ceiling(done / (double)batchSize));
            return $"{upgrade.Code}, batch {batch} of {batches}: {upgrade.Successful} upgraded, {upgrade.InProgress} in progress, {upgrade.Pending} pending, {upgrade.Failed} failed";
        }

        private static int Percent(RollingUpgradeState upgrade, int instanceCount)
        {
            var total = Math.Max(upgrade.Total, instanceCount);
            return total == 0 ? 100 : Math.Min(100, (upgrade.Successful + upgrade.Failed) * 100 / total);
        }

        private static TimeSpan Next(TimeSpan pause) => pause + pause > LongestPause ? LongestPause : pause + pause;

        private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
    }
}
