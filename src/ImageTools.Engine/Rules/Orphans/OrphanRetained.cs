using ImageTools.Engine.Operations.Cleanup;

namespace ImageTools.Engine.Rules.Orphans
{
    /// <summary>A pre-generalize snapshot whose imagetools-retain-until lies ahead is kept unless -IgnoreRetention, as Remove-ImageToolsSnapshot keeps it.</summary>
    internal sealed class OrphanRetained : Rule<OrphanRemoveFacts>
    {
        public override string Reads => "the resource's imagetools-retain-until tag (UTC); -IgnoreRetention";

        public override Finding? Evaluate(OrphanRemoveFacts facts) =>
            facts.Origin != null && !facts.Request.IgnoreRetention && ImageToolsSnapshots.RetainUntil(facts.Tags) is System.DateTime until && until > facts.Now
                ? Refuse($"'{facts.Id.Name}' ({facts.Origin.Description}) is retained until {ImageToolsSnapshots.Utc(until)} (its {ImageToolsSnapshots.RetainUntilTag} tag).",
                    "Remove it after that time, or pass -IgnoreRetention.", facts.Id.Id)
                : null;
    }
}
