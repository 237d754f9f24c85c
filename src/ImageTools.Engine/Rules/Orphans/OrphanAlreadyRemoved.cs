namespace ImageTools.Engine.Rules.Orphans
{
    /// <summary>A resource that is gone needs nothing: a rerun (or a second pipe of the same list) converges without a write.</summary>
    internal sealed class OrphanAlreadyRemoved : Rule<OrphanRemoveFacts>
    {
        public override string Reads => "GET of the resource";

        public override Finding? Evaluate(OrphanRemoveFacts facts) =>
            facts.Exists ? null : Done($"'{facts.Id.Name}' ({facts.Id.Type}) does not exist (already removed); nothing to do.", facts.Id.Id);
    }
}
