using ImageTools.Engine.Gateway;

namespace ImageTools.Engine.Rules.Copy
{
    /// <summary>
    /// One disk of the image being copied (the OS disk, or a data disk at its LUN): its source and
    /// the resources the copy makes for it, as read before any write.
    /// </summary>
    internal sealed class CopyDisk
    {
        /// <summary>-1 for the OS disk.</summary>
        public int Lun { get; set; } = -1;
        public string Label => Lun < 0 ? "OS disk" : $"data disk LUN {Lun}";
        /// <summary>"os" or "lun{n}": the part of the intermediate resources' names.</summary>
        public string NamePart => Lun < 0 ? "os" : $"lun{Lun}";

        /// <summary>The managed disk, snapshot or blob the image's disk was made from.</summary>
        public ArmId? SourceId { get; set; }
        public bool SourceIsSnapshot { get; set; }
        /// <summary>The VHD blob the image's disk was made from (no managed disk or snapshot to copy).</summary>
        public string BlobUri { get; set; } = "";
        public bool SourceIsBlob => BlobUri.Length > 0;
        public DiskState? SourceDisk { get; set; }
        public SnapshotState? SourceSnapshot { get; set; }
        public bool SourceExists => SourceDisk != null || SourceSnapshot != null;

        /// <summary>Cross-region only, a snapshot source: a disk made from it in the source region (incremental snapshots come from disks).</summary>
        public ArmId? StageDiskId { get; set; }
        public DiskState? StageDisk { get; set; }

        /// <summary>Cross-region only: the incremental snapshot in the source region that CopyStart copies.</summary>
        public ArmId? StageSnapshotId { get; set; }
        public SnapshotState? StageSnapshot { get; set; }

        /// <summary>The snapshot in the target region and group the new image is made from.</summary>
        public ArmId CopyId { get; set; } = null!;
        public SnapshotState? Copy { get; set; }
    }
}
