using System;
using System.Linq;
using System.Threading.Tasks;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Rules.Publish;
using ImageTools.Engine.Validation;

namespace ImageTools.Engine.Operations.Publish
{
    /// <summary>
    /// -ReplicationTimeout bounds the whole wait for a version: its creation and its replication,
    /// from the moment the version is submitted (or found). When it runs out, the error says where the
    /// version is and gives a way out that ends: a version Azure has not finished creating gets the
    /// next free version number (and the way to remove it), never "rerun" alone, since a rerun would
    /// find the same version and wait for it again.
    /// </summary>
    internal sealed class VersionDeadline
    {
        private readonly DateTimeOffset _end;

        public VersionDeadline(TimeSpan timeout)
        {
            Timeout = timeout;
            _end = DateTimeOffset.UtcNow + timeout;
        }

        public TimeSpan Timeout { get; }

        /// <summary>What is left of the limit (at least a moment, so an expired limit times out at once rather than throwing).</summary>
        public TimeSpan Remaining
        {
            get
            {
                var left = _end - DateTimeOffset.UtcNow;
                return left > TimeSpan.FromMilliseconds(1) ? left : TimeSpan.FromMilliseconds(1);
            }
        }

        /// <summary>The error for a wait that ran out, from the version as it reads now (null when it cannot be read).</summary>
        public static async Task<ImageToolsException> ExpiredAsync(PublishFacts facts, string versionName, TimeSpan timeout,
            Func<Task<GalleryVersionState?>> read, Exception timedOut)
        {
            GalleryVersionState? version = null;
            try
            {
                version = await read().ConfigureAwait(false);
            }
            catch (ImageToolsException)
            {
                // The error below is about the limit; the version's state is only a detail of it.
            }
            var limit = $"-ReplicationTimeout {OperationRun.Format(timeout)}";
            var state = version?.ProvisioningState ?? "";
            if (version != null && string.Equals(state, "Succeeded", StringComparison.OrdinalIgnoreCase))
            {
                var pending = version.Regions.Where(r => !string.Equals(r.State, "Completed", StringComparison.OrdinalIgnoreCase))
                    .Select(r => $"{r.Name} {r.State} {r.Progress}%").ToList();
                return new ImageToolsException(ErrorIds.GalleryReplicationTimedOut,
                    $"Version '{versionName}' of '{facts.GalleryName}/{facts.DefinitionName}' exists, but its replication did not finish within {limit}" +
                    (pending.Count > 0 ? $" (still replicating: {string.Join(", ", pending)})." : "."),
                    "Replication goes on in Azure: rerun the same command to wait for it again (the version is recognised, nothing is published twice), " +
                    "or use -NoWait and check it later with Get-AzGalleryImageVersion -ExpandReplicationStatus. Give a longer -ReplicationTimeout for many or distant regions.",
                    version.Id.Id, FailureCategory.OperationTimeout, timedOut);
            }
            var next = NextVersion(facts, versionName);
            return new ImageToolsException(ErrorIds.GalleryVersionStuck,
                $"Version '{versionName}' of '{facts.GalleryName}/{facts.DefinitionName}' was not created within {limit}: " +
                (version == null ? "it cannot be read." : $"it reads provisioningState '{(state.Length > 0 ? state : "unknown")}'."),
                $"Rerunning the same command would wait for this version again. Publish the next version instead: the same command with -Version {next}; " +
                $"or remove this one first (Remove-AzGalleryImageVersion -ResourceGroupName {facts.GalleryId.ResourceGroupName} -GalleryName {facts.GalleryName} " +
                $"-GalleryImageDefinitionName {facts.DefinitionName} -Name {versionName}) and then rerun.",
                (version?.Id ?? facts.VersionId).Id, FailureCategory.OperationTimeout, timedOut);
        }

        /// <summary>The next free version number after every existing one and the stuck one.</summary>
        private static string NextVersion(PublishFacts facts, string versionName) =>
            GalleryVersionNumber.TryNextAfter(facts.Versions.Select(v => v.Name).Concat(new[] { versionName }), out var next, out _)
                ? next.ToString()
                : "<a higher Major.Minor.Patch>";
    }
}
