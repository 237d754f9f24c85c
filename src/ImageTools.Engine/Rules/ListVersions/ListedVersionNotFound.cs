using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.ListVersions
{
    /// <summary>A version asked for by name or id is not among the definition's versions.</summary>
    internal sealed class ListedVersionNotFound : Rule<ListVersionsFacts>
    {
        public override string Reads => "the definition's version list; -Name, a piped version id";

        public override Finding? Evaluate(ListVersionsFacts facts)
        {
            if (facts.Listing.Definition == null || facts.Missing.Length == 0)
                return null;
            var existing = facts.Listing.Versions.Select(v => v.Name).ToList();
            return Refuse(
                $"Image definition '{facts.Listing.DefinitionName}' has no version {string.Join(", ", facts.Missing.Select(m => $"'{m}'"))}; " +
                $"its versions: {(existing.Count == 0 ? "none" : string.Join(", ", existing))}.",
                "Name an existing version (Tab completes -Name), or omit -Name to list them all.",
                GalleryIds.Version(facts.Listing.DefinitionId, facts.Missing[0]), FailureCategory.ObjectNotFound);
        }
    }
}
