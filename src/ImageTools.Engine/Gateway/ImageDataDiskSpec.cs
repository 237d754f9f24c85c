using System;
using System.Collections.Generic;
using System.Linq;

namespace ImageTools.Engine.Gateway
{
    /// <summary>One data disk of an image made from disks or snapshots.</summary>
    internal sealed class ImageDataDiskSpec
    {
        public int Lun { get; set; }
        /// <summary>A managed disk or snapshot id.</summary>
        public ArmId SourceId { get; set; } = null!;
        public bool IsSnapshot { get; set; }
    }
}
