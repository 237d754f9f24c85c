using System.Management.Automation;
using ImageTools.Completion;
using ImageTools.Engine.Requests;
using ImageTools.Hosting;
using ImageTools.Models;

namespace ImageTools.Commands
{
    /// <summary>Get-GalleryVersion: a definition's versions with regions, replication, end of life, exclude-from-latest and where `latest` resolves.</summary>
    [Cmdlet(VerbsCommon.Get, "GalleryVersion", DefaultParameterSetName = ByNameSet)]
    [OutputType(typeof(GalleryVersionInfo))]
    public sealed class GetGalleryVersionCommand : GalleryVersionCmdlet
    {
        /// <summary>Version numbers to show; all when omitted.</summary>
        [Parameter(Position = 3)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ExistingVersionCompleter))]
        public string[]? Name { get; set; }

        protected override string[] VersionNames => Name ?? new string[0];

        protected override void ProcessRecord()
        {
            var request = new ListVersionsRequest().Bind(ParameterSetName == ByIdSet, ResourceId, ResourceGroupName, GalleryName, DefinitionName,
                VersionNames, SubscriptionId);
            RunOperation((engine, sink, ct) => engine.PrepareListVersionsAsync(request, sink, ct));
        }
    }
}
