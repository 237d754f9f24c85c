using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.UpdateVersion
{
    /// <summary>ARM: "Duplicate regions are not allowed in target publishing regions."</summary>
    internal sealed class UpdateRegionDuplicate : Rule<UpdateVersionFacts>
    {
        public override string Reads => "-AddRegion";

        public override Finding? Evaluate(UpdateVersionFacts facts)
        {
            var duplicates = facts.Adds.GroupBy(a => RegionNames.Normalize(a.Name)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            return duplicates.Count == 0 ? null : Refuse(
                $"-AddRegion names {string.Join(", ", duplicates.Select(d => $"'{d}'"))} more than once; duplicate regions are not allowed in target publishing regions.",
                "Name each region once, with its replica count (for example westeurope=2).", facts.VersionId, FailureCategory.InvalidArgument);
        }
    }
}
