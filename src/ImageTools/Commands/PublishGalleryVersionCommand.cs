using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using ImageTools.Completion;
using ImageTools.Hosting;
using ImageTools.Engine.Requests;
using ImageTools.Models;

namespace ImageTools.Commands
{
    /// <summary>Publish-GalleryVersion: gallery, definition and version, replicated; done when every region is Completed.</summary>
    [Cmdlet(VerbsData.Publish, "GalleryVersion", DefaultParameterSetName = ByNameSet,
        SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(GalleryVersionInfo))]
    public sealed class PublishGalleryVersionCommand : ImageToolsResourceCmdlet
    {
        [Parameter(Mandatory = true)] [ValidateNotNullOrEmpty] [ArgumentCompleter(typeof(GalleryCompleter))] public string GalleryName { get; set; } = "";
        [Parameter(Mandatory = true)] [ValidateNotNullOrEmpty] [ArgumentCompleter(typeof(DefinitionCompleter))] public string DefinitionName { get; set; } = "";
        [Parameter] [ArgumentCompleter(typeof(ResourceGroupCompleter))] public string? GalleryResourceGroupName { get; set; }
        [Parameter] [ValidateNotNullOrEmpty] [ArgumentCompleter(typeof(VersionCompleter))] public string Version { get; set; } = "auto";
        [Parameter] [ArgumentCompleter(typeof(LocationCompleter))] public string? Location { get; set; }
        [Parameter] public string? Publisher { get; set; }
        [Parameter] public string? Offer { get; set; }
        [Parameter] public string? Sku { get; set; }
        [Parameter] [ValidateSet("Windows", "Linux")] public string? OsType { get; set; }
        [Parameter] [ValidateSet("Generalized", "Specialized")] public string? OsState { get; set; }
        [Parameter] [ValidateSet("V1", "V2")] public string? HyperVGeneration { get; set; }
        [Parameter] public string? SecurityType { get; set; }
        [Parameter] public object[]? TargetRegion { get; set; }
        [Parameter] public int? ReplicaCount { get; set; }
        [Parameter] [ValidateSet("Standard_LRS", "Standard_ZRS", "Premium_LRS")] public string? StorageAccountType { get; set; }
        [Parameter] public SwitchParameter ExcludeFromLatest { get; set; }
        [Parameter] public DateTime? EndOfLifeDate { get; set; }
        [Parameter] public Hashtable? Tag { get; set; }
        [Parameter] public SwitchParameter NoWait { get; set; }
        [Parameter] public SwitchParameter GuestGeneralized { get; set; }

        /// <summary>Deletes a source VM (typically a clone) with what it owns once the version reads Succeeded in every target region.</summary>
        [Parameter] public SwitchParameter DeleteSourceVm { get; set; }
        [Parameter] public SwitchParameter Force { get; set; }

        /// <summary>Under Azure Automation's three-hour fair-share limit, with room for the steps before it.</summary>
        [Parameter] public TimeSpan ReplicationTimeout { get; set; } = TimeSpan.FromHours(2);
        [Parameter] public SwitchParameter AsJob { get; set; }

        protected override void ProcessRecord()
        {
            var request = new PublishRequest
            {
                SubscriptionId = SubscriptionId, Source = Target, GalleryName = GalleryName, DefinitionName = DefinitionName,
                GalleryResourceGroupName = GalleryResourceGroupName ?? "", Version = Version, Location = Location,
                Publisher = Publisher, Offer = Offer, Sku = Sku, OsType = OsType, OsState = OsState, HyperVGeneration = HyperVGeneration,
                SecurityType = SecurityType, ReplicaCount = ReplicaCount, StorageAccountType = StorageAccountType,
                ExcludeFromLatest = ExcludeFromLatest, EndOfLifeDate = EndOfLifeDate.HasValue ? new DateTimeOffset(EndOfLifeDate.Value) : (DateTimeOffset?)null,
                Tags = ToTags(Tag), NoWait = NoWait, ReplicationTimeout = ReplicationTimeout,
                GuestGeneralized = GuestGeneralized, DeleteSourceVm = DeleteSourceVm,
            };
            // As New-CapturedImage's: the delete of the source VM is the plan's one high-impact step, asked after the preflight.
            RunOperation((engine, sink, ct) =>
            {
                request.TargetRegions = TargetRegionParser.Parse(TargetRegion?.Select(TargetRegionParser.Unwrap));
                return engine.PreparePublishAsync(request, sink, ct);
            }, Force, AsJob, highImpactPlan: DeleteSourceVm);
        }
    }
}
