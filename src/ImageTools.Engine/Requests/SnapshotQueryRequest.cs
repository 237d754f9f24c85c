using System;

namespace ImageTools.Engine.Requests
{
    /// <summary>Get-ImageToolsSnapshot: the snapshots ImageTools made, filtered.</summary>
    public sealed class SnapshotQueryRequest : OperationRequest
    {
        /// <summary>One resource group; the whole subscription when empty.</summary>
        public string? ResourceGroupName { get; set; }

        /// <summary>Only the snapshots of this VM (by name).</summary>
        public string? VmName { get; set; }

        /// <summary>Only snapshots taken longer ago than this.</summary>
        public TimeSpan? OlderThan { get; set; }

        /// <summary>Only snapshots whose imagetools-retain-until has passed.</summary>
        public bool Expired { get; set; }
    }
}
