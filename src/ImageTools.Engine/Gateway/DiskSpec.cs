using System.Collections.Generic;

namespace ImageTools.Engine.Gateway
{
    /// <summary>A managed disk to copy from a snapshot or a disk.</summary>
    internal sealed class DiskSpec
    {
        public ArmId Id { get; set; } = null!;
        public string Location { get; set; } = "";
        public ArmId SourceId { get; set; } = null!;
        /// <summary>Premium_LRS, StandardSSD_LRS...; empty for ARM's default.</summary>
        public string SkuName { get; set; } = "";
        public string[] Zones { get; set; } = System.Array.Empty<string>();
        public Dictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();
    }
}
