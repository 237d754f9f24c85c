using System;
using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Copy
{
    /// <summary>A copy goes to another resource group or region, or takes another name: the same group, region and name is the source itself.</summary>
    internal sealed class CopyTargetSameAsSource : Rule<CopyFacts>
    {
        public override string Reads => "-TargetResourceGroupName, -TargetLocation, -TargetName";

        public override Finding? Evaluate(CopyFacts facts)
        {
            if (!facts.SourceUsable || !facts.TargetId.Equals(facts.Source!.Id))
                return null;
            return Refuse(facts.CrossRegion
                    ? $"The copy of image '{facts.Source.Name}' would have the source's own id ({facts.Source.Id}): an image name is unique in its resource group, whatever the region."
                    : $"The copy would be image '{facts.Source.Name}' itself: same resource group, region and name.",
                "Pass -TargetResourceGroupName (another group) or -TargetName (another name), and -TargetLocation for another region.",
                facts.Source.Id, FailureCategory.InvalidArgument);
        }
    }
}
