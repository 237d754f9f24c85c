using System;
using System.Management.Automation;
using ImageTools.Completion;
using ImageTools.Engine.Requests;
using ImageTools.Models;

namespace ImageTools.Commands
{
    /// <summary>
    /// Update-VmssImage: moves a Rolling scale set to another gallery version (or a definition's
    /// latest) in batches, following the rolling upgrade to its end. The image binds from the
    /// pipeline (Publish-GalleryVersion, Get-AzGalleryImageVersion); the scale set is named.
    /// </summary>
    [Cmdlet(VerbsData.Update, "VmssImage", DefaultParameterSetName = ByIdSet,
        SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(VmssInfo))]
    public sealed class UpdateVmssImageCommand : ImageToolsCmdlet
    {
        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty] [ArgumentCompleter(typeof(ResourceGroupCompleter))] public string ResourceGroupName { get; set; } = "";
        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 1)]
        [Alias("Name")] [ValidateNotNullOrEmpty] [ArgumentCompleter(typeof(ScaleSetCompleter))] public string VMScaleSetName { get; set; } = "";

        /// <summary>Binds Id from Publish-GalleryVersion, Get-AzGalleryImageVersion or Get-AzGalleryImageDefinition (latest), or a plain id string.</summary>
        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")] [ValidateNotNullOrEmpty] public string ImageId { get; set; } = "";

        [Parameter] public SwitchParameter AllowOlderVersion { get; set; }
        [Parameter] public TimeSpan UpgradeTimeout { get; set; } = TimeSpan.FromHours(2);
        [Parameter] public SwitchParameter Force { get; set; }
        [Parameter] public string? SubscriptionId { get; set; }
        [Parameter] public SwitchParameter AsJob { get; set; }

        protected override string JobTarget => $"{ResourceGroupName}/{VMScaleSetName}";

        protected override void ProcessRecord()
        {
            var request = new ScaleSetUpgradeRequest
            {
                SubscriptionId = SubscriptionId,
                ScaleSet = ResourceReference.FromName(ResourceGroupName, VMScaleSetName),
                ImageId = ImageId, AllowOlderVersion = AllowOlderVersion, UpgradeTimeout = UpgradeTimeout,
            };
            RunOperation((engine, sink, ct) => engine.PrepareVmssUpgradeAsync(request, sink, ct), Force, AsJob, highImpactPlan: true);
        }
    }
}
