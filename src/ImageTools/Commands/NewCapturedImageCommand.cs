using System.Collections;
using System.Management.Automation;
using ImageTools.Completion;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Requests;
using ImageTools.Hosting;
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
        [Parameter] public SwitchParameter ZoneResilient { get; set; }
        [Parameter] public Hashtable? Tag { get; set; }
        [Parameter] public SwitchParameter Deallocate { get; set; }
        [Parameter] public SwitchParameter Replace { get; set; }
        [Parameter] public SwitchParameter DeleteSourceVm { get; set; }
        [Parameter] public SwitchParameter Force { get; set; }
        [Parameter] public SwitchParameter AsJob { get; set; }

        protected override void ProcessRecord()
        {
            var request = new CaptureRequest
            {
                SubscriptionId = SubscriptionId, Source = Target, ImageName = ImageName, ResourceGroupName = ImageResourceGroupName,
                Location = Location, HyperVGeneration = HyperVGeneration, OsType = OsType, OsState = OsState,
                ZoneResilient = ZoneResilient, Tags = ToTags(Tag), Deallocate = Deallocate, Replace = Replace, DeleteSourceVm = DeleteSourceVm,
            };
            // Deleting the source VM is irreversible: asked once here (ShouldContinue) unless -Force, -Confirm:$false or -WhatIf.
            if (DeleteSourceVm && HostPumpPolicy.AskBeforeDeletingSource(Force, CmdletHost.IsConfirmDeclined(this), CmdletHost.IsWhatIfRequested(this)) &&
                !ShouldContinue($"Delete the source VM '{Target}' once the image reads Succeeded?", "Delete source VM"))
                return;
            RunEngine((engine, host) => engine.CaptureAsync(request, host), Force, AsJob);
        }
    }
}
