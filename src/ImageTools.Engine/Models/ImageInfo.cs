namespace ImageTools.Models
{
    /// <summary>A managed image as New-CapturedImage emits it.</summary>
    public sealed class ImageInfo : AzureResourceInfo
    {
        /// <summary>The VM, snapshot or managed disk the image was captured from.</summary>
        public string SourceId { get; set; } = "";

        /// <summary>VirtualMachine, Snapshot or Disk.</summary>
        public string SourceKind { get; set; } = "";

        public string OsType { get; set; } = "";
        public string OsState { get; set; } = "";
        public string HyperVGeneration { get; set; } = "";
        public bool ZoneResilient { get; set; }
        public string[] DataDiskLuns { get; set; } = new string[0];

        /// <summary>True when -DeleteSourceVm removed the source VM after the image read Succeeded.</summary>
        public bool SourceDeleted { get; set; }
    }
}
