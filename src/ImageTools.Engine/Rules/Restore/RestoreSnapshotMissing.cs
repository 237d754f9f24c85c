using System.Linq;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Restore
{
    /// <summary>Every disk of the VM needs its pre-generalize snapshot: a partial restore would mix two points in time.</summary>
    internal sealed class RestoreSnapshotMissing : Rule<RestoreFacts>
    {
        public override string Reads => "GET of each snapshot <vm>-<os|lunN>-pregeneralize for the VM's OS and data disks";

        public override Finding? Evaluate(RestoreFacts facts)
        {
            var missing = facts.Points.Where(p => p.Snapshot == null).ToList();
            if (missing.Count == 0)
                return null;
            var what = string.Join(", ", missing.Select(p => $"'{p.SnapshotId.Name}' (disk '{p.Disk.Name}')"));
            return Refuse(
                missing.Count == facts.Points.Count
                    ? $"VM '{facts.Vm.Name}' has no pre-generalize snapshots: {what} not found."
                    : $"The pre-generalize snapshots of VM '{facts.Vm.Name}' are incomplete: {what} not found; restoring the other disks alone would mix two points in time.",
                "Invoke-VmGeneralize takes them before the guest step (unless -SkipSnapshot). Restore the VM from a backup of your own, or copy the missing disk by hand.",
                missing[0].SnapshotId.Id, FailureCategory.ObjectNotFound);
        }
    }
}
