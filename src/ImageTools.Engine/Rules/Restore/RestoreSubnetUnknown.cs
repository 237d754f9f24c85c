using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Restore
{
    /// <summary>The new VM of a generalized one is placed in the subnet of the old VM's NIC; without one there is nowhere to put it.</summary>
    internal sealed class RestoreSubnetUnknown : Rule<RestoreFacts>
    {
        public override string Reads => "the generalized VM's primary NIC: its subnet";

        public override Finding? Evaluate(RestoreFacts facts) =>
            facts.AsNewVm && facts.ExistingNewVm == null && (facts.Nic == null || facts.Nic.SubnetId.Length == 0)
                ? Refuse($"VM '{facts.Vm.Name}' is flagged generalized, so its disks are restored as a new VM, but it has no NIC in a subnet to place that VM in.",
                    "Restore the disks and create the VM by hand: New-AzDisk from each <vm>-<os|lunN>-pregeneralize snapshot, then New-AzVM -CreateOption Attach.",
                    facts.Vm.Id, FailureCategory.ObjectNotFound)
                : null;
    }
}
