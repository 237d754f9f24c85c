using System;
using System.Collections.Generic;
using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Requests;

namespace ImageTools.Engine.Rules.Generalize
{
    /// <summary>A snapshot of one of the VM's disks, under a name derived from the VM and the disk's slot (a rerun finds it).</summary>
    internal sealed class PlannedSnapshot
    {
        public PlannedSnapshot(VmDiskState disk, ArmId id, SnapshotState? existing)
        {
            Disk = disk;
            Id = id;
            Existing = existing;
        }

        public VmDiskState Disk { get; }
        public ArmId Id { get; }
        public SnapshotState? Existing { get; }

        /// <summary>An earlier run's snapshot of the same disk: reused, not taken again.</summary>
        public bool Reusable => SameSource && string.Equals(Existing!.ProvisioningState, "Succeeded", StringComparison.OrdinalIgnoreCase);

        /// <summary>A snapshot of this disk under this name exists (possibly left Failed by an earlier run, then taken again).</summary>
        public bool SameSource => Existing != null && ArmId.SameId(Existing.SourceResourceId, Disk.ManagedDiskId);

        /// <summary>The tag every pre-generalize snapshot carries (value: the VM's name).</summary>
        public const string SourceVmTag = "imagetools-snapshot-of";

        /// <summary>
        /// The tag that says until when a pre-generalize snapshot is meant to be kept: UTC
        /// "yyyy-MM-ddTHH:mm:ssZ", set from Invoke-VmGeneralize -SnapshotRetentionDays.
        /// </summary>
        public const string RetainUntilTag = "imagetools-retain-until";

        /// <summary>The retention tag's value for a snapshot taken now and kept for so many days.</summary>
        public static string RetainUntil(DateTimeOffset takenAt, int days) =>
            takenAt.ToUniversalTime().AddDays(days).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>
        /// True for a snapshot the engine took before a guest step: its disk was still specialized
        /// (Sysprep / deprovisioning had not run), so an image or version made from it is Specialized.
        /// </summary>
        public static bool IsPreGeneralize(IReadOnlyDictionary<string, string>? tags) =>
            tags != null && tags.Keys.Any(k => string.Equals(k, SourceVmTag, StringComparison.OrdinalIgnoreCase));

        /// <summary>"os" or "lun&lt;n&gt;", the disk's slot in the VM.</summary>
        public static string Slot(VmDiskState disk) => disk.Lun < 0 ? "os" : "lun" + disk.Lun;

        public static string NameFor(string vmName, VmDiskState disk)
        {
            var suffix = "-" + Slot(disk) + "-pregeneralize";
            var stem = vmName.Length + suffix.Length > 80 ? vmName.Substring(0, 80 - suffix.Length) : vmName;
            return stem + suffix;
        }
    }
}
