using System.Linq;
using ImageTools.Engine.Gateway;

namespace ImageTools.Engine.Rules.UpdateVersion
{
    /// <summary>Warning: a region in -RemoveRegion the version is not replicated to (nothing to remove there).</summary>
    internal sealed class UpdateRemovesUntargetedRegion : Rule<UpdateVersionFacts>
    {
        public override string Reads => "-RemoveRegion; the version's target regions";

        public override Finding? Evaluate(UpdateVersionFacts facts)
        {
            if (facts.Version == null)
                return null;
            var absent = facts.Removes.Where(r => !facts.Version.Regions.Any(t => RegionNames.Same(t.Name, r))).ToList();
            return absent.Count == 0 ? null : Warn(
                $"Version '{facts.Version.Name}' is not replicated to {string.Join(", ", absent.Select(a => $"'{a}'"))}: nothing to remove there.",
                $"Its target regions: {string.Join(", ", facts.Version.Regions.Select(t => t.Name))}.", facts.Version.Id);
        }
    }
}
