using System.Collections;
using System.Management.Automation;
using ImageTools.Completion;
using ImageTools.Engine.Requests;
using ImageTools.Models;

namespace ImageTools.Commands
{
    /// <summary>New-VmFromImage: N VMs from a managed image, a gallery version, or a gallery definition (latest).</summary>
    [Cmdlet(VerbsCommon.New, "VmFromImage", DefaultParameterSetName = ByIdSet,
        SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(VmInfo))]
    public sealed class NewVmFromImageCommand : ImageToolsCmdlet
    {
        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")] [ValidateNotNullOrEmpty] public string ResourceId { get; set; } = "";
        [Parameter(ParameterSetName = ByNameSet, Mandatory = true)] [ValidateNotNullOrEmpty] public string ImageName { get; set; } = "";
        [Parameter(ParameterSetName = ByNameSet)] [ArgumentCompleter(typeof(ResourceGroupCompleter))] public string? ImageResourceGroupName { get; set; }
        [Parameter(Mandatory = true)] [ValidateNotNullOrEmpty] [ArgumentCompleter(typeof(ResourceGroupCompleter))] public string ResourceGroupName { get; set; } = "";
        [Parameter(Mandatory = true)] [ValidateNotNullOrEmpty] public string Name { get; set; } = "";
        [Parameter] public int Count { get; set; } = 1;
        [Parameter] [ValidateRange(1, 100)] public int ThrottleLimit { get; set; } = 10;
        [Parameter] [ArgumentCompleter(typeof(LocationCompleter))] public string? Location { get; set; }
        [Parameter] [ValidateNotNullOrEmpty] public string Size { get; set; } = "Standard_D2s_v5";
        [Parameter] public string[]? Zone { get; set; }
        [Parameter] [Credential] public PSCredential? Credential { get; set; }
        [Parameter] public string? SshPublicKey { get; set; }
        [Parameter] public string? SubnetId { get; set; }
        [Parameter] public SwitchParameter PublicIp { get; set; }
        [Parameter] public SwitchParameter AllowSpecializedCopies { get; set; }
        [Parameter] public Hashtable? Tag { get; set; }
        [Parameter] public string? SubscriptionId { get; set; }
        [Parameter] public SwitchParameter AsJob { get; set; }

        protected override string JobTarget => $"{ResourceGroupName}/{Name}";

        protected override void ProcessRecord()
        {
            var request = new DeployRequest
            {
                SubscriptionId = SubscriptionId, ResourceGroupName = ResourceGroupName, Name = Name, Count = Count,
                Source = ParameterSetName == ByIdSet ? ResourceReference.FromId(ResourceId)
                    : ResourceReference.FromName(ImageResourceGroupName ?? ResourceGroupName, ImageName),
                ThrottleLimit = ThrottleLimit, Location = Location, VmSize = Size, Zones = Zone ?? new string[0],
                Credential = Credential?.GetNetworkCredential(), SshPublicKey = SshPublicKey, SubnetId = SubnetId,
                PublicIp = PublicIp, AllowSpecializedCopies = AllowSpecializedCopies, Tags = ToTags(Tag),
            };
            RunOperation((engine, sink, ct) => engine.PrepareDeployAsync(request, sink, ct), asJob: AsJob);
        }
    }
}
