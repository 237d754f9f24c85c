using ImageTools.Engine.Operations.Cleanup;

namespace ImageTools.Engine.Rules.Cleanup
{
    /// <summary>Remove-ImageToolsSnapshot removes only what ImageTools made: a snapshot without its tags is someone else's.</summary>
    internal sealed class SnapshotNotMadeByImageTools : Rule<SnapshotRemoveFacts>
    {
        public override string Reads => "the snapshot's imagetools-snapshot-of and imagetools-clone-of tags";

        public override Finding? Evaluate(SnapshotRemoveFacts facts) =>
            facts.Snapshot != null && ImageToolsSnapshots.KindOf(facts.Snapshot.Tags) == null
                ? Refuse($"Snapshot '{facts.Id.Name}' was not made by ImageTools (it has neither an imagetools-snapshot-of nor an imagetools-clone-of tag); it is left alone.",
                    "Remove it with Remove-AzSnapshot if it is no longer needed.", facts.Id.Id)
                : null;
    }
}
