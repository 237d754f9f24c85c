using System;
using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Copy
{
    /// <summary>An image already at the target that is not a copy of this one is never replaced.</summary>
    internal sealed class CopyTargetExists : Rule<CopyFacts>
    {
        public override string Reads => "the target image: its imagetools-copy-of tag";

        public override Finding? Evaluate(CopyFacts facts)
        {
            var existing = facts.ExistingTarget;
            if (!facts.SourceUsable || existing == null || facts.TargetIsOurCopy || existing.Id.Equals(facts.Source!.Id))
                return null;
            return Refuse($"Image '{existing.Name}' already exists in resource group '{facts.TargetId.ResourceGroupName}' ({existing.Location}) and is not a copy of '{facts.Source!.Name}'. ARM refuses to change an image's source (\"Changing property 'storageProfile.osDisk' is not allowed.\").",
                $"Pass another -TargetName, or remove that image first (Remove-AzImage -ResourceGroupName {facts.TargetId.ResourceGroupName} -ImageName {existing.Name}).",
                existing.Id, FailureCategory.ResourceExists);
        }
    }
}
