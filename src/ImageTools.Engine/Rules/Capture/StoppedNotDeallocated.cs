using ImageTools.Engine.Gateway;

namespace ImageTools.Engine.Rules.Capture
{
    /// <summary>A stopped VM still holds (and bills) its hardware; capture wants it deallocated.</summary>
    internal sealed class StoppedNotDeallocated : Rule<CaptureFacts>
    {
        public override string Reads => "instance view PowerState/stopped of the source VM";

        public override Finding? Evaluate(CaptureFacts facts)
        {
            var vm = facts.Vm;
            if (vm == null || vm.PowerState != VmPowerState.Stopped || facts.Request.Deallocate)
                return null;
            return Refuse(
                $"VM '{vm.Name}' is stopped but not deallocated (PowerState/stopped): it still holds its hardware, and capture needs it deallocated.",
                $"Rerun with -Deallocate, or deallocate it first (Stop-AzVM -ResourceGroupName {vm.ResourceGroupName} -Name {vm.Name}).",
                vm.Id);
        }
    }
}
