namespace ImageTools.Models
{
    /// <summary>One target region of a gallery version and how far its replication got.</summary>
    public sealed class RegionReplicationInfo
    {
        public string Name { get; set; } = "";
        public int ReplicaCount { get; set; }
        public string StorageAccountType { get; set; } = "";
        public bool ExcludeFromLatest { get; set; }

        /// <summary>Unknown, Replicating, Completed or Failed.</summary>
        public string State { get; set; } = "";

        public int Progress { get; set; }
        public string Details { get; set; } = "";

        public override string ToString() => $"{Name}={ReplicaCount} ({State})";
    }
}
