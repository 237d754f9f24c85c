using System.Linq;

namespace ImageTools.Engine.Rules.Restore
{
    /// <summary>A snapshot under the derived name that another VM's disk made (or that no run of Invoke-VmGeneralize tagged) is not restored.</summary>
    internal sealed class RestoreSnapshotNotOfVm : Rule<RestoreFacts>
    {
        public override string Reads => "each snapshot's imagetools-snapshot-of tag and creationData.sourceResourceId; the VM's disks (and what they were copied from)";

        public override Finding? Evaluate(RestoreFacts facts)
        {
            var foreign = facts.Points.FirstOrDefault(p => p.Snapshot != null && !p.BelongsTo(facts.Vm));
            if (foreign == null)
                return null;
            return Refuse(
                $"Snapshot '{foreign.SnapshotId.Name}' does not belong to VM '{facts.Vm.Name}': it was copied from '{foreign.Snapshot!.SourceResourceId}', " +
                $"not from disk '{foreign.Disk.ManagedDiskId}' of the VM, or its imagetools-snapshot-of tag does not name the VM.",
                "Nothing was restored. Check which VM the snapshot came from (Get-AzSnapshot), and restore that VM instead.",
                foreign.SnapshotId.Id);
        }
    }
}
