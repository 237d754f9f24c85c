using System.Linq;

namespace ImageTools.Engine.Rules.RemoveVersions
{
    /// <summary>
    /// A version named for removal is the one the definition's `latest` resolves to (in some region):
    /// VMs and scale sets that name the definition would fall back to an older version, or fail.
    /// -Force does not override it; retention (-KeepLatest) keeps such a version without asking.
    /// </summary>
    internal sealed class VersionIsLatest : Rule<RemoveVersionsFacts>
    {
        public override string Reads => "every version's excludeFromLatest (global and per region), provisioningState and replication state";

        public override Finding? Evaluate(RemoveVersionsFacts facts)
        {
            if (facts.IsPruning)
                return null;
            var latest = facts.Candidates.FirstOrDefault(v => facts.Listing.IsLatest(v.Name));
            return latest == null ? null : Refuse(
                $"Version '{latest.Name}' is what '{facts.Listing.DefinitionName}' latest resolves to in {string.Join(", ", facts.Listing.RegionsWhereLatest(latest.Name))}: " +
                "VMs and scale sets that name the definition are built from it.",
                $"Publish a newer version first, or take this one out of latest (Update-GalleryVersion -Name {latest.Name} -ExcludeFromLatest), then remove it.",
                latest.Id);
        }
    }
}
