using System;
using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Copy
{
    /// <summary>The copy goes into an existing resource group.</summary>
    internal sealed class CopyTargetResourceGroupNotFound : Rule<CopyFacts>
    {
        public override string Reads => "GET of the resource group named by -TargetResourceGroupName";

        public override Finding? Evaluate(CopyFacts facts)
        {
            return facts.TargetGroupExists ? null : Refuse(
                $"Resource group '{facts.TargetId.ResourceGroupName}' for the copy does not exist in subscription {facts.TargetId.SubscriptionId}.",
                $"Create it first (New-AzResourceGroup -Name {facts.TargetId.ResourceGroupName} -Location {facts.TargetLocation}), or pass another -TargetResourceGroupName.",
                facts.TargetId.Id, FailureCategory.ObjectNotFound);
        }
    }
}
