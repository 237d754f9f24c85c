namespace ImageTools.Models
{
    /// <summary>A snapshot ImageTools made, as Get-ImageToolsSnapshot and Remove-ImageToolsSnapshot emit it.</summary>
    public sealed class SnapshotInfo : AzureResourceInfo
    {
        /// <summary>PreGeneralize (Invoke-VmGeneralize, before the guest step) or CloneSource (a clone's copy of a running VM's disk).</summary>
        public string Kind { get; set; } = "";

        /// <summary>The VM the snapshot was taken of (its name, from the imagetools-snapshot-of or imagetools-clone-of tag).</summary>
        public string VmName { get; set; } = "";

        /// <summary>The disk it was copied from.</summary>
        public string SourceDiskId { get; set; } = "";

        public int DiskSizeGb { get; set; }

        /// <summary>When it was taken, UTC yyyy-MM-ddTHH:mm:ssZ (empty when ARM did not say).</summary>
        public string TimeCreated { get; set; } = "";

        /// <summary>Its imagetools-retain-until tag, UTC yyyy-MM-ddTHH:mm:ssZ; empty without one.</summary>
        public string RetainUntil { get; set; } = "";

        /// <summary>True when RetainUntil has passed.</summary>
        public bool Expired { get; set; }

        /// <summary>True once Remove-ImageToolsSnapshot deleted it.</summary>
        public bool Removed { get; set; }
    }
}
