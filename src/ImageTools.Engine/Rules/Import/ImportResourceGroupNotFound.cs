using System;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Import
{
    /// <summary>The disk goes into an existing resource group.</summary>
    internal sealed class ImportResourceGroupNotFound : Rule<ImportFacts>
    {
        public override string Reads => "GET of the resource group named by -ResourceGroupName";

        public override Finding? Evaluate(ImportFacts facts)
        {
            return facts.GroupExists ? null : Refuse(
                $"Resource group '{facts.DiskId.ResourceGroupName}' for disk '{facts.DiskId.Name}' does not exist in subscription {facts.DiskId.SubscriptionId}.",
                $"Create it first (New-AzResourceGroup -Name {facts.DiskId.ResourceGroupName} -Location {facts.Request.Location}), or pass another -ResourceGroupName.",
                facts.DiskId.Id, FailureCategory.ObjectNotFound);
        }
    }
}
