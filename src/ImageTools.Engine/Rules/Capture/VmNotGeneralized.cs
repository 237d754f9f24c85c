using ImageTools.Engine.Gateway;

namespace ImageTools.Engine.Rules.Capture
{
    /// <summary>
    /// A managed image is made from a generalized VM only (ARM: 409 OperationNotAllowed "The operation
    /// 'Create Image' requires the Virtual Machine 'X' to be Generalized.").
    /// </summary>
    internal sealed class VmNotGeneralized : Rule<CaptureFacts>
    {
        public override string Reads => "instance view OSState/generalized of the source VM";

        public override Finding? Evaluate(CaptureFacts facts)
        {
            var vm = facts.Vm;
            if (vm == null || vm.IsGeneralized)
                return null;
            return Refuse(
                $"VM '{vm.Name}' is not generalized (its instance view has no OSState/generalized; power state {vm.PowerState.Text()}); a managed image is captured from a generalized VM.",
                $"Run Invoke-VmGeneralize -ResourceGroupName {vm.ResourceGroupName} -Name {vm.Name} first, or keep the VM specialized and publish it as a specialized gallery version (Publish-GalleryVersion).",
                vm.Id);
        }
    }
}
