using System;
using System.Collections.Generic;
using System.Linq;

namespace ImageTools.Engine.Gateway
{
    /// <summary>A managed image to create: from a VM, or from an OS disk/snapshot plus data disks.</summary>
    internal sealed class ImageSpec
    {
        public string SubscriptionId { get; set; } = "";
        public string ResourceGroupName { get; set; } = "";
        public string Name { get; set; } = "";
        public string Location { get; set; } = "";
        public string HyperVGeneration { get; set; } = "";
        public bool ZoneResilient { get; set; }
        public Dictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();
        public ArmId? SourceVirtualMachineId { get; set; }
        public ArmId? OsDiskSourceId { get; set; }
        public bool OsDiskIsSnapshot { get; set; }
        public string OsType { get; set; } = "";
        public string OsState { get; set; } = "Generalized";
        public List<ImageDataDiskSpec> DataDisks { get; set; } = new List<ImageDataDiskSpec>();
    }
}
