using System;
using System.Management.Automation;
using ImageTools.Completion;
using ImageTools.Engine.Requests;
using ImageTools.Models;

namespace ImageTools.Commands
{
    /// <summary>Get-ImageToolsSnapshot: the snapshots ImageTools made (pre-generalize, clone sources), by VM, age and retention.</summary>
    [Cmdlet(VerbsCommon.Get, "ImageToolsSnapshot", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(SnapshotInfo))]
    public sealed class GetImageToolsSnapshotCommand : ImageToolsCmdlet
    {
        [Parameter(Position = 0)] [ArgumentCompleter(typeof(ResourceGroupCompleter))] public string? ResourceGroupName { get; set; }
        [Parameter] public string? VmName { get; set; }
        [Parameter] public TimeSpan? OlderThan { get; set; }
        [Parameter] public SwitchParameter Expired { get; set; }
        [Parameter] public string? SubscriptionId { get; set; }

        protected override void ProcessRecord()
        {
            var request = new SnapshotQueryRequest
            {
                SubscriptionId = SubscriptionId, ResourceGroupName = ResourceGroupName, VmName = VmName, OlderThan = OlderThan, Expired = Expired,
            };
            RunOperation((engine, sink, ct) => engine.PrepareSnapshotListAsync(request, sink, ct));
        }
    }
}
