using System;
using System.Collections.Generic;
using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Rules.Capture;

namespace ImageTools.Engine.Rules.Publish
{
    /// <summary>One target region after the source region was added: what will be requested.</summary>
    internal sealed class PlannedRegion
    {
        public string Name { get; set; } = "";
        public int ReplicaCount { get; set; }
        public string StorageAccountType { get; set; } = "";
        public bool ExcludeFromLatest { get; set; }
    }
}
