using System;
using System.Collections.Generic;

namespace ImageTools.Engine.Requests
{
    /// <summary>Update-GalleryVersion: one version's target regions, end of life and exclude-from-latest.</summary>
    public sealed class UpdateVersionRequest : GalleryVersionsRequest
    {
        /// <summary>Regions to add, or existing regions to give another replica count, storage type or exclude-from-latest.</summary>
        public List<TargetRegionRequest> AddRegions { get; set; } = new List<TargetRegionRequest>();

        /// <summary>Regions whose replicas are removed.</summary>
        public string[] RemoveRegions { get; set; } = new string[0];

        public DateTimeOffset? EndOfLifeDate { get; set; }

        /// <summary>Null: left as it is.</summary>
        public bool? ExcludeFromLatest { get; set; }

        /// <summary>Return once ARM accepted the update, without waiting for replication.</summary>
        public bool NoWait { get; set; }

        public TimeSpan ReplicationTimeout { get; set; } = TimeSpan.FromHours(2);
    }
}
