using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Generalize
{
    /// <summary>The pre-generalize snapshot names are derived from the VM; one taken by a snapshot of another disk is not overwritten.</summary>
    internal sealed class SnapshotNameTaken : Rule<GeneralizeFacts>
    {
        public override string Reads => "GET of each snapshot <vm>-<os|lunN>-pregeneralize: creationData.sourceResourceId";

        public override Finding? Evaluate(GeneralizeFacts facts)
        {
            foreach (var snapshot in facts.Snapshots)
            {
                if (snapshot.Existing == null || snapshot.SameSource)
                    continue;
                return Refuse(
                    $"Snapshot '{snapshot.Id.Name}' already exists but was copied from '{snapshot.Existing.SourceResourceId}', not from disk '{snapshot.Disk.ManagedDiskId}' of VM '{facts.Vm.Name}'.",
                    "Delete or rename that snapshot, or rerun with -SkipSnapshot.",
                    snapshot.Id.Id, FailureCategory.ResourceExists);
            }
            return null;
        }
    }
}
