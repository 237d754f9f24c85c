namespace ImageTools.Models
{
    /// <summary>A managed disk made from a VHD, as Import-Vhd emits it; binds to New-CapturedImage and Publish-GalleryVersion by Id.</summary>
    public sealed class DiskInfo : AzureResourceInfo
    {
        /// <summary>Unattached once the upload has ended; ReadyToUpload or ActiveUpload while it runs.</summary>
        public string DiskState { get; set; } = "";
        public string OsType { get; set; } = "";
        public string HyperVGeneration { get; set; } = "";

        /// <summary>As declared (-OsState), kept on the disk as the imagetools-os-state tag.</summary>
        public string OsState { get; set; } = "";
        public long DiskSizeGB { get; set; }
        public string SkuName { get; set; } = "";

        /// <summary>The VHD file the disk was made from.</summary>
        public string SourcePath { get; set; } = "";

        /// <summary>Bytes sent in this run (pages holding data).</summary>
        public long BytesUploaded { get; set; }

        /// <summary>Bytes of zeros not sent (a new disk reads zeros there).</summary>
        public long ZeroBytesSkipped { get; set; }

        /// <summary>Bytes an interrupted earlier run had already sent, not sent again.</summary>
        public long BytesResumed { get; set; }
    }
}
