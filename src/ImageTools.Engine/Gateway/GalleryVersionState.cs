using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ImageTools.Engine.Gateway
{
    /// <summary>A gallery image version.</summary>
    internal sealed class GalleryVersionState
    {
        public ArmId Id { get; set; } = null!;
        public string Name { get; set; } = "";
        public string Location { get; set; } = "";
        public Dictionary<string, string> Tags { get; set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        public string ProvisioningState { get; set; } = "";
        /// <summary>storageProfile.source.id, else the OS disk image's source id.</summary>
        public string SourceId { get; set; } = "";
        public bool ExcludeFromLatest { get; set; }
        public DateTimeOffset? EndOfLifeDate { get; set; }
        public DateTimeOffset? PublishedDate { get; set; }
        /// <summary>Unknown, InProgress, Completed or Failed; empty when replication status was not read.</summary>
        public string ReplicationState { get; set; } = "";
        public List<GalleryRegionState> Regions { get; set; } = new List<GalleryRegionState>();
    }
}
