using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Rules.Clone;
using ImageTools.Engine.Rules.Generalize;
using ImageTools.Models;

namespace ImageTools.Engine.Operations.Cleanup
{
    /// <summary>
    /// How a snapshot ImageTools made is told from others: by its tags. imagetools-snapshot-of (the
    /// VM's name) marks a pre-generalize snapshot, imagetools-clone-of (the VM's id) a clone's copy of
    /// a running VM's disk; imagetools-retain-until (UTC, yyyy-MM-ddTHH:mm:ssZ) says how long it is kept.
    /// </summary>
    internal static class ImageToolsSnapshots
    {
        public const string RetainUntilTag = "imagetools-retain-until";
        public const string PreGeneralize = "PreGeneralize";
        public const string CloneSource = "CloneSource";

        /// <summary>PreGeneralize, CloneSource, or null for a snapshot ImageTools did not make.</summary>
        public static string? KindOf(IReadOnlyDictionary<string, string> tags) =>
            PlannedSnapshot.IsPreGeneralize(tags) ? PreGeneralize : CloneTags.Read(tags, CloneTags.CloneOf) != null ? CloneSource : null;

        public static string VmNameOf(IReadOnlyDictionary<string, string> tags) =>
            CloneTags.Read(tags, PlannedSnapshot.SourceVmTag) ?? ArmId.NameOf(CloneTags.Read(tags, CloneTags.CloneOf) ?? "");

        public static DateTime? RetainUntil(IReadOnlyDictionary<string, string> tags) =>
            CloneTags.Read(tags, RetainUntilTag) is string value
            && DateTime.TryParseExact(value, "yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var until)
                ? until : (DateTime?)null;

        public static string Utc(DateTime time) => time.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

        public static SnapshotInfo ToInfo(SnapshotState snapshot, DateTime now, bool removed = false)
        {
            var until = RetainUntil(snapshot.Tags);
            return new SnapshotInfo
            {
                Id = snapshot.Id.Id,
                SubscriptionId = snapshot.Id.SubscriptionId,
                ResourceGroupName = snapshot.Id.ResourceGroupName,
                Name = snapshot.Name,
                Location = snapshot.Location,
                Tags = new Dictionary<string, string>(snapshot.Tags, StringComparer.OrdinalIgnoreCase),
                ProvisioningState = snapshot.ProvisioningState,
                Kind = KindOf(snapshot.Tags) ?? "",
                VmName = VmNameOf(snapshot.Tags),
                SourceDiskId = snapshot.SourceResourceId,
                DiskSizeGb = (int)snapshot.DiskSizeGb,
                TimeCreated = snapshot.TimeCreated is DateTimeOffset created ? Utc(created.UtcDateTime) : "",
                RetainUntil = until is DateTime u ? Utc(u) : "",
                Expired = until != null && until.Value < now,
                Removed = removed,
            };
        }
    }
}
