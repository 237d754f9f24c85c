using System;
using System.Collections.Generic;
using System.Linq;

namespace ImageTools.Engine.Gateway
{
    /// <summary>What to snapshot and where.</summary>
    internal sealed class SnapshotSpec
    {
        public string SubscriptionId { get; set; } = "";
        public string ResourceGroupName { get; set; } = "";
        public string Name { get; set; } = "";
        public string Location { get; set; } = "";
        public ArmId SourceDiskId { get; set; } = null!;
        public string OsType { get; set; } = "";
        public string HyperVGeneration { get; set; } = "";
        public Dictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();
    }
}
