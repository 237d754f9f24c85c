using System;
using System.Collections.Generic;

namespace ImageTools.Engine.Gateway
{
    /// <summary>A version's PATCH: what is null is not sent (left as it is).</summary>
    internal sealed class GalleryVersionUpdate
    {
        /// <summary>The whole new target region list (it replaces the old one).</summary>
        public List<GalleryRegionState>? TargetRegions { get; set; }
        public DateTimeOffset? EndOfLifeDate { get; set; }
        public bool? ExcludeFromLatest { get; set; }
    }
}
