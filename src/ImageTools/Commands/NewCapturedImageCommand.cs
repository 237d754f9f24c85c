using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using ImageTools.Completion;
using ImageTools.Engine.Requests;
using ImageTools.Models;

namespace ImageTools.Commands
{
    /// <summary>New-CapturedImage: a managed image from a generalized VM, a snapshot or a managed disk.</summary>
    [Cmdlet(VerbsCommon.New, "CapturedImage", DefaultParameterSetName = ByNameSet,
        SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ImageInfo))]
    public sealed class NewCapturedImageCommand : ImageToolsResourceCmdlet
    {
        [Parameter] public string? ImageName { get; set; }
        [Parameter] [ArgumentCompleter(typeof(ResourceGroupCompleter))] public string? ImageResourceGroupName { get; set; }
        [Parameter] [ArgumentCompleter(typeof(LocationCompleter))] public string? Location { get; set; }
        [Parameter] [ValidateSet("V1", "V2")] public string? HyperVGeneration { get; set; }
        [Parameter] [ValidateSet("Windows", "Linux")] public string? OsType { get; set; }
        [Parameter] [ValidateSet("Generalized", "Specialized")] public string? OsState { get; set; }
        [Parameter] public string[]? DataDiskSourceIds { get; set; }
        [Parameter] public SwitchParameter ZoneResilient { get; set; }
        [Parameter] public Hashtable? Tag { get; set; }
        [Parameter] public SwitchParameter Deallocate { get; set; }
        [Parameter] public SwitchParameter Replace { get; set; }
        [Parameter] public SwitchParameter DeleteSourceVm { get; set; }
        [Parameter] public SwitchParameter GuestGeneralized { get; set; }
        [Parameter] public SwitchParameter Force { get; set; }
        [Parameter] public SwitchParameter AsJob { get; set; }

        protected override void ProcessRecord()
        {
            var request = new CaptureRequest
            {
                SubscriptionId = SubscriptionId, Source = Target, ImageName = ImageName, ResourceGroupName = ImageResourceGroupName,
                Location = Location, HyperVGeneration = HyperVGeneration, OsType = OsType, OsState = OsState,
                DataDiskSourceIds = DataDiskSourceIds == null ? new List<string>() : new List<string>(DataDiskSourceIds),
                ZoneResilient = ZoneResilient, Tags = ToTags(Tag), Deallocate = Deallocate, Replace = Replace, DeleteSourceVm = DeleteSourceVm,
                GuestGeneralized = GuestGeneralized,
            };
            // The engine's plan marks the delete of the source VM high impact: it is the one prompt
            // (Confirmation.ConfirmHighImpact), asked after the preflight and only when the delete will happen.
            RunOperation((engine, sink, ct) => engine.PrepareCaptureAsync(request, sink, ct), Force, AsJob, highImpactPlan: DeleteSourceVm);
        }
    }
}
