using ImageTools.Engine.Gateway;

namespace ImageTools.Engine.Rules.Clone
{
    /// <summary>One disk of the source and the snapshot and disk that copy it for the clone (with what exists of them).</summary>
    internal sealed class PlannedCloneDisk
    {
        public PlannedCloneDisk(VmDiskState source, DiskState? sourceState, ArmId snapshotId, SnapshotState? existingSnapshot, ArmId diskId, DiskState? existingDisk)
        {
            Source = source;
            SourceState = sourceState;
            SnapshotId = snapshotId;
            ExistingSnapshot = existingSnapshot;
            DiskId = diskId;
            ExistingDisk = existingDisk;
        }

        public VmDiskState Source { get; }
        public DiskState? SourceState { get; }
        public ArmId SnapshotId { get; }
        public SnapshotState? ExistingSnapshot { get; }
        public ArmId DiskId { get; }
        public DiskState? ExistingDisk { get; }

        /// <summary>"os" or "lun&lt;n&gt;".</summary>
        public string Slot => Source.Lun < 0 ? "os" : "lun" + Source.Lun;
    }
}
