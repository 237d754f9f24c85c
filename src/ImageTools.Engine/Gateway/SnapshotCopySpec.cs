using System.Collections.Generic;

namespace ImageTools.Engine.Gateway
{
    /// <summary>A snapshot copy: Copy of a disk or snapshot (full or incremental), or CopyStart of an incremental snapshot (another region too).</summary>
    internal sealed class SnapshotCopySpec
    {
        public string SubscriptionId { get; set; } = "";
        public string ResourceGroupName { get; set; } = "";
        public string Name { get; set; } = "";
        public string Location { get; set; } = "";
        public ArmId SourceResourceId { get; set; } = null!;
        /// <summary>Copy or CopyStart.</summary>
        public string CreateOption { get; set; } = "Copy";
        public bool Incremental { get; set; }
        public Dictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();

        public ArmId Id => ArmId.Of(SubscriptionId, ResourceGroupName, ArmId.Snapshots, Name);
    }
}
