using System.Linq;
using ImageTools.Engine.Gateway;

namespace ImageTools.Engine.Rules.RemoveVersions
{
    /// <summary>Warning: a version named is not there (already removed, or never published): nothing to remove.</summary>
    internal sealed class RemovedVersionNotFound : Rule<RemoveVersionsFacts>
    {
        public override string Reads => "the definition's version list; -Name, a piped version id";

        public override Finding? Evaluate(RemoveVersionsFacts facts) =>
            facts.Listing.Definition == null || facts.Missing.Length == 0 ? null : Warn(
                $"Image definition '{facts.Listing.DefinitionName}' has no version {string.Join(", ", facts.Missing.Select(m => $"'{m}'"))}: already removed, or never published.",
                $"Its versions: {(facts.Listing.Versions.Count == 0 ? "none" : string.Join(", ", facts.Listing.Versions.Select(v => v.Name)))}.",
                GalleryIds.Version(facts.Listing.DefinitionId, facts.Missing[0]));
    }
}
