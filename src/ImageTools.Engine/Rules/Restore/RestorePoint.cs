using System;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Rules.Generalize;

namespace ImageTools.Engine.Rules.Restore
{
    /// <summary>One disk of the VM, its pre-generalize snapshot (if any), and the disk it is restored to.</summary>
    internal sealed class RestorePoint
    {
        public RestorePoint(VmDiskState disk, DiskState? current, ArmId snapshotId, SnapshotState? snapshot, ArmId restoredId, DiskState? reusable)
        {
            Disk = disk;
            Current = current;
            SnapshotId = snapshotId;
            Snapshot = snapshot;
            RestoredId = restoredId;
            Reusable = reusable;
        }

        public VmDiskState Disk { get; }
        public DiskState? Current { get; }
        public ArmId SnapshotId { get; }
        public SnapshotState? Snapshot { get; }

        /// <summary>The disk the snapshot is copied to.</summary>
        public ArmId RestoredId { get; }

        /// <summary>A free disk an earlier run already copied from this snapshot: swapped in as it is.</summary>
        public DiskState? Reusable { get; }

        public string Slot => PlannedSnapshot.Slot(Disk);

        /// <summary>
        /// The snapshot is this disk's: tagged imagetools-snapshot-of with the VM's name, and copied
        /// from the disk the VM has in this slot (or the VM's disk was itself restored from it).
        /// </summary>
        public bool BelongsTo(VmState vm) =>
            Snapshot != null
            && PlannedSnapshot.IsPreGeneralize(Snapshot.Tags)
            && string.Equals(Tag(Snapshot, PlannedSnapshot.SourceVmTag), vm.Name, StringComparison.OrdinalIgnoreCase)
            && (ArmId.SameId(Snapshot.SourceResourceId, Disk.ManagedDiskId) || ArmId.SameId(Current?.SourceResourceId, Snapshot.Id));

        private static string Tag(SnapshotState snapshot, string name)
        {
            foreach (var tag in snapshot.Tags)
                if (string.Equals(tag.Key, name, StringComparison.OrdinalIgnoreCase))
                    return tag.Value;
            return "";
        }
    }
}
