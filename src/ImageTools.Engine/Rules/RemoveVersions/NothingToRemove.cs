using System.Linq;

namespace ImageTools.Engine.Rules.RemoveVersions
{
    /// <summary>Done: nothing to remove (the versions named are gone, or retention keeps them all); nothing is written.</summary>
    internal sealed class NothingToRemove : Rule<RemoveVersionsFacts>
    {
        public override string Reads => "the definition's versions; -Name or -KeepLatest";

        public override Finding? Evaluate(RemoveVersionsFacts facts) =>
            facts.Listing.Definition == null || facts.ToRemove.Count > 0 ? null
                : Done(facts.IsPruning
                    ? $"Nothing to remove from '{facts.Listing.DefinitionName}': it has {facts.Listing.Versions.Count} version(s) and keeps the newest {facts.Request.KeepLatest}, the latest and those in use."
                    : $"Nothing to remove from '{facts.Listing.DefinitionName}': {string.Join(", ", facts.Missing.Select(m => $"'{m}'"))} not there (already removed, or never published).",
                    facts.Listing.DefinitionId);
    }
}
