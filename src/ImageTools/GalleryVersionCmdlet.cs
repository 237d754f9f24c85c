using System.Management.Automation;

namespace ImageTools
{
    /// <summary>
    /// A cmdlet over a gallery image definition's versions: by -ResourceGroupName, -GalleryName and
    /// -DefinitionName, or by -ResourceId (a definition or version id) from the pipeline: the output
    /// of Publish-GalleryVersion and Get-GalleryVersion, Az's Get-AzGalleryImageDefinition and
    /// Get-AzGalleryImageVersion objects, or a plain id string.
    /// </summary>
    public abstract class GalleryVersionCmdlet : ImageToolsCmdlet
    {
        [Parameter(ParameterSetName = ByNameSet, Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ResourceGroupCompleter))]
        public string ResourceGroupName { get; set; } = "";

        [Parameter(ParameterSetName = ByNameSet, Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.GalleryCompleter))]
        public string GalleryName { get; set; } = "";

        [Parameter(ParameterSetName = ByNameSet, Mandatory = true, Position = 2)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.DefinitionCompleter))]
        public string DefinitionName { get; set; } = "";

        /// <summary>Binds Id from Publish-GalleryVersion, Get-GalleryVersion, Get-AzGalleryImageDefinition, Get-AzGalleryImageVersion, or a plain id.</summary>
        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string ResourceId { get; set; } = "";

        [Parameter]
        public string? SubscriptionId { get; set; }

        /// <summary>The version names given (-Name); none: all of the definition's, or the one a version id names.</summary>
        protected abstract string[] VersionNames { get; }

        protected override string JobTarget => ParameterSetName == ByIdSet ? ResourceId : $"{ResourceGroupName}/{GalleryName}/{DefinitionName}";
    }
}
