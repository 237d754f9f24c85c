using System.Management.Automation;
using ImageTools.Engine.Requests;
using ImageTools.Models;

namespace ImageTools.Commands
{
    /// <summary>Remove-ImageToolsSnapshot: deletes a snapshot ImageTools made (piped from Get-ImageToolsSnapshot), respecting its retention.</summary>
    [Cmdlet(VerbsCommon.Remove, "ImageToolsSnapshot", DefaultParameterSetName = ByNameSet,
        SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(SnapshotInfo))]
    public sealed class RemoveImageToolsSnapshotCommand : ImageToolsResourceCmdlet
    {
        [Parameter] public SwitchParameter IgnoreRetention { get; set; }
        [Parameter] public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var request = new SnapshotRemoveRequest { SubscriptionId = SubscriptionId, Snapshot = Target, IgnoreRetention = IgnoreRetention };
            RunOperation((engine, sink, ct) => engine.PrepareSnapshotRemoveAsync(request, sink, ct), Force);
        }
    }
}
