using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ImageTools.Engine.Gateway
{
    internal sealed class GalleryVersionSpec
    {
        public ArmId DefinitionId { get; set; } = null!;
        public string Name { get; set; } = "";
        public string Location { get; set; } = "";
        /// <summary>A managed image, VM or gallery version id (storageProfile.source).</summary>
        public ArmId SourceId { get; set; } = null!;
        /// <summary>True for a managed disk or snapshot: it goes in as the OS disk image's source.</summary>
        public bool SourceIsDisk { get; set; }
        public List<GalleryRegionState> TargetRegions { get; set; } = new List<GalleryRegionState>();
        public bool ExcludeFromLatest { get; set; }
        public DateTimeOffset? EndOfLifeDate { get; set; }
        public Dictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();
    }
}
