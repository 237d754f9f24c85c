using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Capture
{
    /// <summary>An image put in another resource group (-ResourceGroupName) needs that group to exist; it is not created.</summary>
    internal sealed class ImageResourceGroupNotFound : Rule<CaptureFacts>
    {
        public override string Reads => "GET of the resource group named by -ResourceGroupName";

        public override Finding? Evaluate(CaptureFacts facts) =>
            facts.ImageGroupExists ? null : Refuse(
                $"Resource group '{facts.ImageId.ResourceGroupName}' for image '{facts.ImageId.Name}' does not exist in subscription {facts.ImageId.SubscriptionId}.",
                $"Create it first (New-AzResourceGroup -Name {facts.ImageId.ResourceGroupName} -Location {facts.TargetLocation}), or omit -ResourceGroupName to use the source's group.",
                facts.ImageId.Id, FailureCategory.ObjectNotFound);
    }
}
