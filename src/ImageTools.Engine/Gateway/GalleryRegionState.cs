using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ImageTools.Engine.Gateway
{
    /// <summary>One target region of a version, as requested and as replication reports it.</summary>
    internal sealed class GalleryRegionState
    {
        public string Name { get; set; } = "";
        public int ReplicaCount { get; set; }
        public string StorageAccountType { get; set; } = "";
        public bool ExcludeFromLatest { get; set; }
        /// <summary>Unknown, Replicating, Completed or Failed; empty when replication status was not read.</summary>
        public string State { get; set; } = "";
        public int Progress { get; set; }
        public string Details { get; set; } = "";
    }
}
