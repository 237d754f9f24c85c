using System;
using System.Collections;
using System.Management.Automation;
using ImageTools.Completion;
using ImageTools.Engine.Requests;
using ImageTools.Models;

namespace ImageTools.Commands
{
    /// <summary>Copy-CapturedImage: a managed image copied to another resource group or region through snapshots of its disks.</summary>
    [Cmdlet(VerbsCommon.Copy, "CapturedImage", DefaultParameterSetName = ByNameSet,
        SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ImageInfo))]
    public sealed class CopyCapturedImageCommand : ImageToolsResourceCmdlet
    {
        [Parameter] [ArgumentCompleter(typeof(ResourceGroupCompleter))] public string? TargetResourceGroupName { get; set; }
        [Parameter] [ArgumentCompleter(typeof(LocationCompleter))] public string? TargetLocation { get; set; }
        [Parameter] public string? TargetName { get; set; }
        [Parameter] public Hashtable? Tag { get; set; }
        [Parameter] public TimeSpan CopyTimeout { get; set; } = TimeSpan.FromHours(6);
        [Parameter] public SwitchParameter AsJob { get; set; }

        protected override void ProcessRecord()
        {
            var request = new CopyRequest
            {
                SubscriptionId = SubscriptionId, Source = Target, TargetResourceGroupName = TargetResourceGroupName, TargetLocation = TargetLocation,
                TargetName = TargetName, Tags = ToTags(Tag), CopyTimeout = CopyTimeout,
            };
            RunOperation((engine, sink, ct) => engine.PrepareCopyAsync(request, sink, ct), asJob: AsJob);
        }
    }
}
