using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.VmssUpgrade
{
    /// <summary>
    /// A specialized image cannot replace a generalized one under a scale set: the model has an OS
    /// profile (ARM: 400 InvalidParameter "Parameter 'osProfile' is not allowed."), and the instances
    /// would all share one computer name and machine SID.
    /// </summary>
    internal sealed class UpgradeSourceSpecialized : Rule<VmssUpgradeFacts>
    {
        public override string Reads => "the target's OS state; the scale set's OS profile";

        public override Finding? Evaluate(VmssUpgradeFacts facts) =>
            facts.ScaleSet == null || facts.Source is not { Exists: true, IsSpecialized: true } ? null : Refuse(
                $"The image '{facts.Source.Name}' is specialized: scale set '{facts.ScaleSet.Name}' makes many machines from one image, which would share its computer name and machine SID" +
                (facts.ScaleSet.HasOsProfile ? " (and its model's OS profile would be refused: Parameter 'osProfile' is not allowed.)." : "."),
                "Pass a version of a Generalized definition (Invoke-VmGeneralize, then Publish-GalleryVersion).",
                facts.Source.Id, FailureCategory.InvalidArgument);
    }
}
