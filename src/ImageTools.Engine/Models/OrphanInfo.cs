namespace ImageTools.Models
{
    /// <summary>
    /// A resource ImageTools made for a VM that no longer exists, as Get-ImageToolsOrphan and
    /// Remove-ImageToolsOrphan emit it. What it was made for is read from ImageTools' own tags only.
    /// </summary>
    public sealed class OrphanInfo : AzureResourceInfo
    {
        /// <summary>Microsoft.Compute/snapshots, Microsoft.Compute/disks, Microsoft.Network/networkInterfaces, Microsoft.Network/virtualNetworks or Microsoft.Network/publicIPAddresses.</summary>
        public string ResourceType { get; set; } = "";

        /// <summary>PreGeneralizeSnapshot (imagetools-snapshot-of), CloneSourceSnapshot (imagetools-clone-of) or ClonePart (imagetools-owner and imagetools-clone-of).</summary>
        public string Kind { get; set; } = "";

        /// <summary>The VM it was made for, which no longer exists.</summary>
        public string VmName { get; set; } = "";

        public string VmId { get; set; } = "";

        /// <summary>What it is and for which VM, in words.</summary>
        public string Description { get; set; } = "";

        /// <summary>A snapshot's imagetools-retain-until tag, UTC yyyy-MM-ddTHH:mm:ssZ; empty without one.</summary>
        public string RetainUntil { get; set; } = "";

        /// <summary>True once Remove-ImageToolsOrphan deleted it.</summary>
        public bool Removed { get; set; }
    }
}
