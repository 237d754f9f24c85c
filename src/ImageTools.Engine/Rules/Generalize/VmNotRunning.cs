using ImageTools.Engine.Gateway;

namespace ImageTools.Engine.Rules.Generalize
{
    /// <summary>The guest step runs inside the guest, so the VM must be running (or be started where the user asked).</summary>
    internal sealed class VmNotRunning : Rule<GeneralizeFacts>
    {
        public override string Reads => "instance view PowerState/*";

        public override Finding? Evaluate(GeneralizeFacts facts)
        {
            var vm = facts.Vm;
            if (!facts.GuestStepNeeded || vm.PowerState == VmPowerState.Running || facts.CanStart)
                return null;
            var remedy = vm.PowerState.IsStoppedOrDeallocated()
                ? $"Start it (Start-AzVM -ResourceGroupName {vm.ResourceGroupName} -Name {vm.Name}) or rerun with -Start."
                : "Wait until the VM is running (or stopped, then rerun with -Start).";
            return Refuse(
                $"VM '{vm.Name}' is {vm.PowerState.Text()} (PowerState/{vm.PowerState.Text()}); Sysprep or deprovisioning runs inside the guest, which must be running.",
                remedy, vm.Id);
        }
    }
}
