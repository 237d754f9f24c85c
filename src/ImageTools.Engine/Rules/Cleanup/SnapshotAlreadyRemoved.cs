namespace ImageTools.Engine.Rules.Cleanup
{
    /// <summary>A snapshot that is gone needs nothing: a rerun (or a second pipe of the same list) converges without a write.</summary>
    internal sealed class SnapshotAlreadyRemoved : Rule<SnapshotRemoveFacts>
    {
        public override string Reads => "GET of the snapshot";

        public override Finding? Evaluate(SnapshotRemoveFacts facts) =>
            facts.Snapshot == null ? Done($"Snapshot '{facts.Id.Name}' does not exist (already removed); nothing to do.", facts.Id.Id) : null;
    }
}
