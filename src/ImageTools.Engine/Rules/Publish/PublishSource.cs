using System;
using System.Collections.Generic;
using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Rules.Capture;

namespace ImageTools.Engine.Rules.Publish
{
    /// <summary>The source as read: where it is and what definition it fits. Empty strings mean "the source does not say".</summary>
    internal sealed class PublishSource
    {
        public PublishSourceKind Kind { get; set; }
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public bool Exists { get; set; }
        public string Location { get; set; } = "";
        public string OsType { get; set; } = "";
        public string OsState { get; set; } = "";
        public string HyperVGeneration { get; set; } = "";
        public string SecurityType { get; set; } = "Standard";
        /// <summary>Managed disks and snapshots go in as the OS disk image's source.</summary>
        public bool IsDisk => Kind == PublishSourceKind.Disk || Kind == PublishSourceKind.Snapshot;
    }
}
