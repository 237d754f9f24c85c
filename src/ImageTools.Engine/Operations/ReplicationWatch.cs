using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Operations
{
    /// <summary>
    /// Waits for a gallery version's replication, for Publish-GalleryVersion and Update-GalleryVersion:
    /// provisioningState Succeeded is not enough, $expand=ReplicationStatus is read until every region
    /// reads Completed, with one progress bar per region (a verbose line per change for runbooks). A
    /// Failed version or region fails the wait, naming the region and its details.
    /// </summary>
    internal sealed class ReplicationWatch
    {
        private const int FirstRegionActivityId = 10;

        private readonly OperationRun _run;
        private readonly IGalleryGateway _galleries;
        private readonly string _rerunHint;

        /// <param name="rerunHint">What rerunning the command does, for the failures' remedies.</param>
        public ReplicationWatch(OperationRun run, IGalleryGateway galleries, string rerunHint)
        {
            _run = run;
            _galleries = galleries;
            _rerunHint = rerunHint;
        }

        /// <summary>
        /// Between two replication reads when the session sets no polling interval: the time the
        /// slowest region still needs at the pace its progress shows since the first read (at least
        /// 1 s), or, before any progress shows, 1 s doubling; never more than 60 s. Replication is a
        /// state read, not a long-running operation, so the SDK's poller does not apply.
        /// </summary>
        public static TimeSpan DefaultDelay(int attempt, TimeSpan elapsed = default, int slowestProgress = 0)
        {
            var seconds = slowestProgress > 0 && slowestProgress < 100 && elapsed > TimeSpan.Zero
                ? Math.Max(1, elapsed.TotalSeconds * (100 - slowestProgress) / slowestProgress)
                : Math.Pow(2, Math.Min(attempt - 1, 6));
            return TimeSpan.FromSeconds(Math.Min(60, seconds));
        }

        /// <summary>Reads the version until every region is Completed and returns that reading.</summary>
        public async Task<GalleryVersionState> WaitAsync(ArmId versionId, CancellationToken ct)
        {
            var reported = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var activities = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            var since = System.Diagnostics.Stopwatch.StartNew();
            for (var attempt = 1; ; attempt++)
            {
                var version = await _galleries.GetVersionAsync(versionId, replicationStatus: true, ct).ConfigureAwait(false)
                    ?? throw new ImageToolsException(ErrorIds.GalleryVersionNotFound,
                        $"Version '{versionId}' disappeared while its replication was awaited.",
                        $"Check the gallery's activity log; {_rerunHint}", versionId.Id, FailureCategory.ObjectNotFound);
                Report(version, reported, activities);

                if (Is(version.ProvisioningState, "Failed"))
                    throw new ImageToolsException(ErrorIds.GalleryVersionFailed,
                        $"Version '{version.Name}' reads provisioningState Failed.",
                        $"Check the gallery's activity log for the reason, then {_rerunHint}",
                        version.Id.Id, FailureCategory.InvalidOperation);
                var failed = version.Regions.Where(r => Is(r.State, "Failed")).ToList();
                if (failed.Count > 0)
                    throw new ImageToolsException(ErrorIds.GalleryReplicationFailed,
                        $"Replication of version '{version.Name}' failed in {string.Join("; ", failed.Select(r => $"'{r.Name}': {(r.Details.Length > 0 ? r.Details : "no details given")}"))}." +
                        Completed(version),
                        "Fix the cause in the failed region (quota, storage type, region availability), then update the version's target regions or publish a new version.",
                        version.Id.Id, FailureCategory.ResourceUnavailable);
                if (Is(version.ProvisioningState, "Succeeded") && version.Regions.Count > 0 && version.Regions.All(r => Is(r.State, "Completed")))
                {
                    CompleteBars(version, activities);
                    return version;
                }
                var delay = _run.Options.PollingInterval ?? DefaultDelay(attempt, since.Elapsed,
                    version.Regions.Where(r => !Is(r.State, "Completed")).Select(r => r.Progress).DefaultIfEmpty(0).Min());
                if (delay > TimeSpan.Zero)
                    await Task.Delay(delay, ct).ConfigureAwait(false);
                else
                    await Task.Yield().AsTask(ct).ConfigureAwait(false);
            }
        }

        private static bool Is(string value, string expected) => string.Equals(value, expected, StringComparison.OrdinalIgnoreCase);

        private static string Completed(GalleryVersionState version)
        {
            var done = version.Regions.Where(r => Is(r.State, "Completed")).Select(r => r.Name).ToList();
            return done.Count == 0 ? "" : $" Completed in: {string.Join(", ", done)}.";
        }

        /// <summary>One progress bar per region for people; a verbose line per change of state or progress for runbooks.</summary>
        private void Report(GalleryVersionState version, Dictionary<string, string> reported, Dictionary<string, int> activities)
        {
            foreach (var region in version.Regions)
            {
                var line = $"{region.State} {region.Progress}%";
                if (reported.TryGetValue(region.Name, out var last) && last == line)
                    continue;
                reported[region.Name] = line;
                if (!activities.TryGetValue(region.Name, out var activity))
                    activities[region.Name] = activity = FirstRegionActivityId + activities.Count;
                _run.Sink.WriteProgress(new OperationProgress(activity, ActivityName(version, region.Name),
                    region.State.Length > 0 ? region.State : "Unknown", Math.Max(0, Math.Min(100, region.Progress)), parentActivityId: 1,
                    line: $"Replication of '{version.Name}' to '{region.Name}': {region.State} ({region.Progress}%){(region.Details.Length > 0 ? " " + region.Details : "")}"));
            }
        }

        private static string ActivityName(GalleryVersionState version, string region) => $"Replicating {version.Name} to {region}";

        private void CompleteBars(GalleryVersionState version, Dictionary<string, int> activities)
        {
            foreach (var pair in activities)
                _run.Sink.WriteProgress(new OperationProgress(pair.Value, ActivityName(version, pair.Key), "Completed", 100, completed: true, parentActivityId: 1));
        }
    }
}
