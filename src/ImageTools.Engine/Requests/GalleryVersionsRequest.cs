namespace ImageTools.Engine.Requests
{
    /// <summary>
    /// What the gallery version cmdlets act on: a definition or version id (piped from
    /// Publish-GalleryVersion, Get-AzGalleryImageDefinition or Get-AzGalleryImageVersion), or the
    /// resource group, gallery and definition names, with version names when some are meant.
    /// </summary>
    public abstract class GalleryVersionsRequest : OperationRequest
    {
        /// <summary>A gallery image definition id, or a version id.</summary>
        public string? ResourceId { get; set; }
        public string? ResourceGroupName { get; set; }
        public string? GalleryName { get; set; }
        public string? DefinitionName { get; set; }

        /// <summary>Version names (Major.Minor.Patch); none: every version of the definition.</summary>
        public string[] Versions { get; set; } = new string[0];
    }
}
