using System;
using System.Linq;
using ImageTools.Engine.Rules.Generalize;

namespace ImageTools.Engine.Rules.Capture
{
    /// <summary>
    /// A generalized source VM without the evidence Invoke-VmGeneralize records (its
    /// imagetools-guest-generalized tag: the Sysprep seal or the waagent result) may have been
    /// flagged generalized by hand (Set-AzVM -Generalized, az vm generalize) without its guest being
    /// generalized; VMs created from such an image hang at provisioning. A warning for now: the
    /// capture goes on.
    /// </summary>
    internal sealed class GeneralizedWithoutEvidence : Rule<CaptureFacts>
    {
        public override string Reads => "OSState/generalized and the imagetools-guest-generalized tag of the source VM";

        public override Finding? Evaluate(CaptureFacts facts)
        {
            var vm = facts.Vm;
            if (vm == null || !vm.IsGeneralized || GuestStepMarker.Read(vm.Tags) != null)
                return null;
            var tag = vm.Tags.FirstOrDefault(t => string.Equals(t.Key, GuestStepMarker.TagName, StringComparison.OrdinalIgnoreCase));
            var seen = tag.Key == null
                ? $"it has no {GuestStepMarker.TagName} tag"
                : $"its {GuestStepMarker.TagName} tag ('{tag.Value}') names no evidence";
            return Warn(
                $"VM '{vm.Name}' is marked generalized, but nothing shows its guest was: {seen} " +
                $"(Invoke-VmGeneralize records {GuestStepMarker.SysprepSealed} read after Sysprep, or the waagent -deprovision+user result). " +
                "A VM flagged generalized without a verified Sysprep or waagent run makes an image whose VMs may hang at provisioning.",
                "Go on only if you know Sysprep /generalize sealed the guest (IMAGE_STATE_GENERALIZE_RESEAL_TO_OOBE) or waagent -deprovision+user succeeded in it; " +
                "otherwise build the image again from a specialized copy of the VM generalized with Invoke-VmGeneralize, which verifies the guest step and records the evidence.",
                vm.Id);
        }
    }
}
