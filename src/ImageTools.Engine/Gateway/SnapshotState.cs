using System;
using System.Collections.Generic;
using System.Linq;

namespace ImageTools.Engine.Gateway
{
    /// <summary>A snapshot of a managed disk.</summary>
    internal sealed class SnapshotState
    {
        public ArmId Id { get; set; } = null!;
        public string Name { get; set; } = "";
        public string Location { get; set; } = "";
        public Dictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();
        public string ProvisioningState { get; set; } = "";
        public string OsType { get; set; } = "";
        public string HyperVGeneration { get; set; } = "";
        public string SecurityType { get; set; } = "Standard";
        /// <summary>The disk (or snapshot) it was copied from.</summary>
        public string SourceResourceId { get; set; } = "";
        public long DiskSizeGb { get; set; }
        public DateTimeOffset? TimeCreated { get; set; }
        public bool Incremental { get; set; }
        /// <summary>Copy, CopyStart...</summary>
        public string CreateOption { get; set; } = "";
        /// <summary>A CopyStart copy's progress, 0-100; 100 when the snapshot is no copy in progress.</summary>
        public double CompletionPercent { get; set; } = 100;
        /// <summary>Why a CopyStart copy stopped (copyCompletionError), empty otherwise.</summary>
        public string CopyErrorCode { get; set; } = "";
        public string CopyErrorMessage { get; set; } = "";
    }
}
