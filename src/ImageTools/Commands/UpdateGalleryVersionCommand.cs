using System;
using System.Linq;
using System.Management.Automation;
using ImageTools.Completion;
using ImageTools.Engine.Requests;
using ImageTools.Hosting;
using ImageTools.Models;

namespace ImageTools.Commands
{
    /// <summary>Update-GalleryVersion: one version's target regions and replica counts, end of life and exclude-from-latest; waits per region.</summary>
    [Cmdlet(VerbsData.Update, "GalleryVersion", DefaultParameterSetName = ByNameSet,
        SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(GalleryVersionInfo))]
    public sealed class UpdateGalleryVersionCommand : GalleryVersionCmdlet
    {
        /// <summary>The version number; with -ResourceId, only when the id is a definition's.</summary>
        [Parameter(ParameterSetName = ByNameSet, Mandatory = true, Position = 3)]
        [Parameter(ParameterSetName = ByIdSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ExistingVersionCompleter))]
        public string? Name { get; set; }

        /// <summary>Regions to add, or existing ones to change: "westeurope=2", "westeurope=2=Standard_ZRS", or hashtables.</summary>
        [Parameter] [ArgumentCompleter(typeof(LocationCompleter))] public object[]? AddRegion { get; set; }
        [Parameter] [ValidateNotNullOrEmpty] [ArgumentCompleter(typeof(LocationCompleter))] public string[]? RemoveRegion { get; set; }
        [Parameter] public DateTime? EndOfLifeDate { get; set; }

        /// <summary>-ExcludeFromLatest takes the version out of `latest`; -ExcludeFromLatest:$false puts it back.</summary>
        [Parameter] public SwitchParameter ExcludeFromLatest { get; set; }
        [Parameter] public SwitchParameter NoWait { get; set; }

        /// <summary>Under Azure Automation's three-hour fair-share limit.</summary>
        [Parameter] public TimeSpan ReplicationTimeout { get; set; } = TimeSpan.FromHours(2);
        [Parameter] public SwitchParameter AsJob { get; set; }

        protected override string[] VersionNames => Name == null ? new string[0] : new[] { Name };

        protected override string JobTarget => base.JobTarget + (Name != null ? "/" + Name : "");

        protected override void ProcessRecord()
        {
            var request = new UpdateVersionRequest
            {
                RemoveRegions = RemoveRegion ?? new string[0],
                EndOfLifeDate = EndOfLifeDate.HasValue ? new DateTimeOffset(EndOfLifeDate.Value) : (DateTimeOffset?)null,
                ExcludeFromLatest = MyInvocation.BoundParameters.ContainsKey(nameof(ExcludeFromLatest)) ? ExcludeFromLatest.IsPresent : (bool?)null,
                NoWait = NoWait,
                ReplicationTimeout = ReplicationTimeout,
            }.Bind(ParameterSetName == ByIdSet, ResourceId, ResourceGroupName, GalleryName, DefinitionName, VersionNames, SubscriptionId);
            RunOperation((engine, sink, ct) =>
            {
                request.AddRegions = TargetRegionParser.Parse(AddRegion?.Select(TargetRegionParser.Unwrap));
                return engine.PrepareUpdateVersionAsync(request, sink, ct);
            }, asJob: AsJob);
        }
    }
}
