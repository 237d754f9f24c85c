using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Deploy
{
    /// <summary>
    /// A disk declared Generalized (Import-Vhd -OsState Generalized) is not attached as a VM's OS disk:
    /// an attached disk gets no osProfile, so the generalized guest would wait in Windows Setup or for
    /// provisioning that never comes. It becomes VMs through an image.
    /// </summary>
    internal sealed class DiskSourceGeneralized : Rule<DeployFacts>
    {
        public override string Reads => "the source disk's imagetools-os-state tag (Import-Vhd -OsState)";

        public override Finding? Evaluate(DeployFacts facts)
        {
            var source = facts.Source;
            if (!source.Exists || source.Kind != DeploySourceKind.ManagedDisk || source.IsSpecialized)
                return null;
            return Refuse($"Disk '{source.Name}' holds a generalized OS: attached as a VM's OS disk it would get no computer name or administrator (an attached disk takes no osProfile) and the VM would never finish provisioning.",
                $"Make an image of it, then VMs from that: New-CapturedImage -ResourceId {source.Id} | New-VmFromImage -ResourceGroupName {facts.Request.ResourceGroupName} -Name {facts.Request.Name} -Credential (Get-Credential); " +
                "or, if the disk is in fact a specialized copy, import it again with -OsState Specialized.",
                source.Id, FailureCategory.InvalidOperation);
        }
    }
}
