using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.UpdateVersion
{
    /// <summary>One region both in -AddRegion and in -RemoveRegion.</summary>
    internal sealed class UpdateRegionAddedAndRemoved : Rule<UpdateVersionFacts>
    {
        public override string Reads => "-AddRegion, -RemoveRegion";

        public override Finding? Evaluate(UpdateVersionFacts facts)
        {
            var both = facts.Adds.Select(a => RegionNames.Normalize(a.Name)).Where(facts.Removes.Contains).Distinct().ToList();
            return both.Count == 0 ? null : Refuse(
                $"{string.Join(", ", both.Select(b => $"'{b}'"))} is both added (-AddRegion) and removed (-RemoveRegion).",
                "Name each region in -AddRegion or in -RemoveRegion, not both.", facts.VersionId, FailureCategory.InvalidArgument);
        }
    }
}
