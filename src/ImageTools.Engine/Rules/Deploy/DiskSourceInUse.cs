using System;
using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Deploy
{
    /// <summary>
    /// A disk is attached only when it is Unattached: not another VM's (Attached, Reserved), not still
    /// taking an upload (ReadyToUpload, ActiveUpload) and not open to a SAS (ActiveSAS). A disk already
    /// attached to the VM this run would create is that VM, made earlier (VmsAlreadyDeployed).
    /// </summary>
    internal sealed class DiskSourceInUse : Rule<DeployFacts>
    {
        public override string Reads => "the source disk's diskState and managedBy";

        public override Finding? Evaluate(DeployFacts facts)
        {
            var disk = facts.Source.Disk;
            if (!facts.Source.Exists || facts.Source.Kind != DeploySourceKind.ManagedDisk || disk == null)
                return null;
            var state = disk.AttachState;
            if (state.Length == 0 || state.Equals("Unattached", StringComparison.OrdinalIgnoreCase))
                return null;
            if (disk.ManagedBy.Length > 0 && facts.Vms.Any(v => v.Id.Is(disk.ManagedBy)))
                return null;
            var owner = ArmId.ParseOrNull(disk.ManagedBy);
            var uploading = state.Equals("ReadyToUpload", StringComparison.OrdinalIgnoreCase) || state.Equals("ActiveUpload", StringComparison.OrdinalIgnoreCase);
            return Refuse($"Disk '{disk.Name}' is {state}{(owner != null ? $" (VM '{owner.Name}')" : "")}: only an Unattached disk can become a VM's OS disk.",
                owner != null ? $"Use that VM, or delete it first (Remove-AzVM -ResourceGroupName {owner.ResourceGroupName} -Name {owner.Name}; its OS disk is kept unless it was made to be deleted with it)."
                : uploading ? $"Finish the upload first: rerun the Import-Vhd that made the disk (it continues), or delete the disk (Remove-AzDisk -ResourceGroupName {disk.Id.ResourceGroupName} -DiskName {disk.Name})."
                : $"End the access first: Revoke-AzDiskAccess -ResourceGroupName {disk.Id.ResourceGroupName} -DiskName {disk.Name}.",
                disk.Id, FailureCategory.ResourceUnavailable);
        }
    }
}
