using System.Management.Automation;
using ImageTools.Completion;
using ImageTools.Engine.Requests;
using ImageTools.Models;

namespace ImageTools.Commands
{
    /// <summary>Get-ImageToolsOrphan: what ImageTools made for VMs that no longer exist (pre-generalize snapshots, a clone's disks, NIC and network), by its tags.</summary>
    [Cmdlet(VerbsCommon.Get, "ImageToolsOrphan", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(OrphanInfo))]
    public sealed class GetImageToolsOrphanCommand : ImageToolsCmdlet
    {
        [Parameter(Position = 0)] [ArgumentCompleter(typeof(ResourceGroupCompleter))] public string? ResourceGroupName { get; set; }
        [Parameter] public string? VmName { get; set; }
        [Parameter] public string? SubscriptionId { get; set; }

        protected override void ProcessRecord()
        {
            var request = new OrphanQueryRequest { SubscriptionId = SubscriptionId, ResourceGroupName = ResourceGroupName, VmName = VmName };
            RunOperation((engine, sink, ct) => engine.PrepareOrphanListAsync(request, sink, ct));
        }
    }
}
