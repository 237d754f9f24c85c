using System;
using System.Linq;
using ImageTools.Engine.Gateway;

namespace ImageTools.Engine.Rules.Generalize
{
    /// <summary>
    /// The one wording of the warning for a VM flagged generalized without the evidence
    /// Invoke-VmGeneralize records (New-CapturedImage and Publish-GalleryVersion both give it).
    /// </summary>
    internal static class GeneralizedEvidence
    {
        /// <summary>The switch that states the guest was generalized outside ImageTools, on every cmdlet that warns.</summary>
        public const string Switch = "-GuestGeneralized";

        /// <summary>Null when the VM is not generalized, or carries the evidence.</summary>
        public static (string Message, string Remedy)? Missing(VmState? vm)
        {
            if (vm == null || !vm.IsGeneralized || GuestStepMarker.Read(vm.Tags) != null)
                return null;
            var tag = vm.Tags.FirstOrDefault(t => string.Equals(t.Key, GuestStepMarker.TagName, StringComparison.OrdinalIgnoreCase));
            var seen = tag.Key == null
                ? $"it has no {GuestStepMarker.TagName} tag"
                : $"its {GuestStepMarker.TagName} tag ('{tag.Value}') names no evidence";
            return (
                $"VM '{vm.Name}' is marked generalized, but nothing shows its guest was: {seen} " +
                $"(Invoke-VmGeneralize records {GuestStepMarker.SysprepSealed} read after Sysprep, or the waagent -deprovision+user result). " +
                "A VM flagged generalized without a verified Sysprep or waagent run makes an image whose VMs may hang at provisioning.",
                "Check it: a test VM from the result must finish provisioning (its agent Ready, OSProvisioningComplete). Go on only if you know Sysprep /generalize sealed " +
                "the guest (IMAGE_STATE_GENERALIZE_RESEAL_TO_OOBE) or waagent -deprovision+user succeeded in it, and say so with " + Switch + " to silence this warning; " +
                "otherwise build the image again from a specialized copy of the VM generalized with Invoke-VmGeneralize, which verifies the guest step and records the evidence.");
        }
    }
}
