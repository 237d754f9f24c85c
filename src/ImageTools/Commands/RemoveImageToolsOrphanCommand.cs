using System.Management.Automation;
using ImageTools.Engine.Requests;
using ImageTools.Models;

namespace ImageTools.Commands
{
    /// <summary>Remove-ImageToolsOrphan: deletes one resource ImageTools made for a VM that no longer exists (piped from Get-ImageToolsOrphan), respecting retention.</summary>
    [Cmdlet(VerbsCommon.Remove, "ImageToolsOrphan", DefaultParameterSetName = ByIdSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(OrphanInfo))]
    public sealed class RemoveImageToolsOrphanCommand : ImageToolsCmdlet
    {
        /// <summary>Binds Id from Get-ImageToolsOrphan, Get-AzSnapshot, Get-AzDisk, Get-AzNetworkInterface, Get-AzVirtualNetwork, or a plain id string.</summary>
        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string ResourceId { get; set; } = "";

        [Parameter] public SwitchParameter IgnoreRetention { get; set; }
        [Parameter] public SwitchParameter Force { get; set; }
        [Parameter] public string? SubscriptionId { get; set; }

        protected override string JobTarget => ResourceId;

        protected override void ProcessRecord()
        {
            var request = new OrphanRemoveRequest { SubscriptionId = SubscriptionId, Resource = ResourceReference.FromId(ResourceId), IgnoreRetention = IgnoreRetention };
            RunOperation((engine, sink, ct) => engine.PrepareOrphanRemoveAsync(request, sink, ct), Force);
        }
    }
}
