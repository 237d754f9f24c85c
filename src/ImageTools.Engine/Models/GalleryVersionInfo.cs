namespace ImageTools.Models
{
    /// <summary>A gallery image version as Publish-GalleryVersion emits it.</summary>
    public sealed class GalleryVersionInfo : AzureResourceInfo
    {
        public string GalleryName { get; set; } = "";
        public string DefinitionName { get; set; } = "";

        /// <summary>The gallery image definition's id (what New-VmFromImage resolves "latest" on).</summary>
        public string DefinitionId { get; set; } = "";

        public string SourceId { get; set; } = "";
        public string OsType { get; set; } = "";
        public string OsState { get; set; } = "";
        public string HyperVGeneration { get; set; } = "";
        public string SecurityType { get; set; } = "";
        public bool ExcludeFromLatest { get; set; }
        public string EndOfLifeDate { get; set; } = "";
        public string PublishedDate { get; set; } = "";

        /// <summary>Unknown, InProgress, Completed or Failed.</summary>
        public string ReplicationState { get; set; } = "";

        public RegionReplicationInfo[] TargetRegions { get; set; } = new RegionReplicationInfo[0];

        /// <summary>True when the definition's `latest` resolves to this version in at least one region (Get-GalleryVersion).</summary>
        public bool IsLatest { get; set; }

        /// <summary>The regions where the definition's `latest` resolves to this version (Get-GalleryVersion).</summary>
        public string[] LatestIn { get; set; } = new string[0];

        /// <summary>True when -DeleteSourceVm removed the source VM after the version replicated to every target region (Publish-GalleryVersion).</summary>
        public bool SourceDeleted { get; set; }
    }
}
