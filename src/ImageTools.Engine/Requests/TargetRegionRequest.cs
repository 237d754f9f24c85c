using System;
using System.Collections.Generic;
using System.Net;

namespace ImageTools.Engine.Requests
{
    /// <summary>One -TargetRegion entry.</summary>
    public sealed class TargetRegionRequest
    {
        public string Name { get; set; } = "";
        public int? ReplicaCount { get; set; }
        public string? StorageAccountType { get; set; }
        public bool? ExcludeFromLatest { get; set; }
    }
}
