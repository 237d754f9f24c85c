using ImageTools.Engine.Gateway;

namespace ImageTools.Engine.Operations
{
    /// <summary>
    /// One source as <see cref="SourceReader"/> read it: what every operation needs (location, OS
    /// type and state, generation, security type), and the state read, for what only one needs.
    /// </summary>
    internal sealed class SourceRecord
    {
        public SourceKind Kind { get; set; }
        public ArmId Id { get; set; } = null!;
        public string Name { get; set; } = "";
        public bool Exists { get; set; }
        public string Location { get; set; } = "";
        public string OsType { get; set; } = "";

        /// <summary>Generalized or Specialized; empty where the source does not record it (disks, most snapshots).</summary>
        public string OsState { get; set; } = "";
        public string HyperVGeneration { get; set; } = "";
        public string SecurityType { get; set; } = "Standard";

        /// <summary>Managed disks and snapshots go into an image or version as the OS disk's source.</summary>
        public bool IsDisk => Kind == SourceKind.Disk || Kind == SourceKind.Snapshot;

        public VmState? Vm { get; set; }
        public SnapshotState? Snapshot { get; set; }
        public DiskState? Disk { get; set; }
        public ImageState? Image { get; set; }
    }
}
