using System.Linq;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Publish
{
    /// <summary>Each region once (ARM: "Duplicate regions are not allowed in target publishing regions.").</summary>
    internal sealed class TargetRegionDuplicate : Rule<PublishFacts>
    {
        public override string Reads => "-TargetRegion";

        public override Finding? Evaluate(PublishFacts facts)
        {
            var duplicates = facts.Regions.GroupBy(r => r.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            return duplicates.Count == 0 ? null : Refuse(
                $"-TargetRegion lists {string.Join(", ", duplicates.Select(d => $"'{d}'"))} more than once; duplicate regions are not allowed in target publishing regions.",
                "List each region once, with its replica count (for example eastus=2,westeurope).",
                facts.VersionId, FailureCategory.InvalidArgument);
        }
    }
}
