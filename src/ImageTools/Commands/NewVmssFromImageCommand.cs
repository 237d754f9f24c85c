using System.Collections;
using System.Management.Automation;
using ImageTools.Completion;
using ImageTools.Engine.Requests;
using ImageTools.Models;

namespace ImageTools.Commands
{
    /// <summary>New-VmssFromImage: a VM scale set (Flexible, or Uniform) from a managed image, a gallery version, or a gallery definition (latest).</summary>
    [Cmdlet(VerbsCommon.New, "VmssFromImage", DefaultParameterSetName = ByIdSet,
        SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(VmssInfo))]
    public sealed class NewVmssFromImageCommand : ImageToolsCmdlet
    {
        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")] [ValidateNotNullOrEmpty] public string ResourceId { get; set; } = "";
        [Parameter(ParameterSetName = ByNameSet, Mandatory = true)] [ValidateNotNullOrEmpty] public string ImageName { get; set; } = "";
        [Parameter(ParameterSetName = ByNameSet)] [ArgumentCompleter(typeof(ResourceGroupCompleter))] public string? ImageResourceGroupName { get; set; }
        [Parameter(Mandatory = true)] [ValidateNotNullOrEmpty] [ArgumentCompleter(typeof(ResourceGroupCompleter))] public string ResourceGroupName { get; set; } = "";
        [Parameter(Mandatory = true)] [Alias("VMScaleSetName")] [ValidateNotNullOrEmpty] public string Name { get; set; } = "";
        [Parameter] public int Capacity { get; set; } = 2;
        [Parameter] [ArgumentCompleter(typeof(LocationCompleter))] public string? Location { get; set; }
        [Parameter] [ValidateNotNullOrEmpty] public string Size { get; set; } = "Standard_D2s_v5";
        [Parameter] public string[]? Zone { get; set; }
        /// <summary>Strings, not the engine's values: cmdlet types must load before the engine is reachable.</summary>
        [Parameter] [ValidateSet("Flexible", "Uniform")] public string OrchestrationMode { get; set; } = "Flexible";
        [Parameter] [ValidateSet("Manual", "Automatic", "Rolling")] public string UpgradePolicy { get; set; } = "Manual";
        [Parameter] public int MaxBatchInstancePercent { get; set; } = 20;
        [Parameter] [ValidateRange(1, 65535)] public int HealthProbePort { get; set; } = 80;
        [Parameter] public string? HealthProbePath { get; set; }
        [Parameter] public string? ComputerNamePrefix { get; set; }
        [Parameter] [Credential] public PSCredential? Credential { get; set; }
        [Parameter] public string? SshPublicKey { get; set; }
        [Parameter] public string? SubnetId { get; set; }
        [Parameter] public Hashtable? Tag { get; set; }
        [Parameter] public string? SubscriptionId { get; set; }
        [Parameter] public SwitchParameter AsJob { get; set; }

        protected override string JobTarget => $"{ResourceGroupName}/{Name}";

        protected override void ProcessRecord()
        {
            var request = new ScaleSetDeployRequest
            {
                SubscriptionId = SubscriptionId, ResourceGroupName = ResourceGroupName, Name = Name, Capacity = Capacity,
                Source = ParameterSetName == ByIdSet ? ResourceReference.FromId(ResourceId)
                    : ResourceReference.FromName(ImageResourceGroupName ?? ResourceGroupName, ImageName),
                Location = Location, VmSize = Size, Zones = Zone ?? new string[0], OrchestrationMode = OrchestrationMode,
                UpgradePolicy = UpgradePolicy, MaxBatchInstancePercent = MaxBatchInstancePercent, HealthProbePort = HealthProbePort,
                HealthProbePath = HealthProbePath, ComputerNamePrefix = ComputerNamePrefix,
                Credential = Credential?.GetNetworkCredential(), SshPublicKey = SshPublicKey, SubnetId = SubnetId, Tags = ToTags(Tag),
            };
            RunOperation((engine, sink, ct) => engine.PrepareVmssDeployAsync(request, sink, ct), asJob: AsJob);
        }
    }
}
