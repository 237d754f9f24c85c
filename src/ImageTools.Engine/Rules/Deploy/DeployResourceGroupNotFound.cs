using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Deploy
{
    /// <summary>The VMs' resource group must exist (ARM: 404 ResourceGroupNotFound "Resource group 'x' could not be found.").</summary>
    internal sealed class DeployResourceGroupNotFound : Rule<DeployFacts>
    {
        public override string Reads => "the target resource group";

        public override Finding? Evaluate(DeployFacts facts) =>
            facts.ResourceGroupExists ? null : Refuse(
                $"Resource group '{facts.Request.ResourceGroupName}' could not be found in subscription '{facts.SubscriptionId}'.",
                $"Create it first (New-AzResourceGroup -Name {facts.Request.ResourceGroupName} -Location {facts.TargetLocation}), or pass an existing -ResourceGroupName.",
                facts.Request.ResourceGroupName, FailureCategory.ObjectNotFound);
    }
}
