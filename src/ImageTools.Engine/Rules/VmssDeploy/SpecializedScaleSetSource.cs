using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.VmssDeploy
{
    /// <summary>
    /// A scale set's instances are many machines from one image: a specialized source would give
    /// them all one computer name and one machine SID (and domain identity). Azure accepts such a
    /// scale set from a specialized gallery image; ImageTools refuses it and points to generalizing.
    /// </summary>
    internal sealed class SpecializedScaleSetSource : Rule<VmssDeployFacts>
    {
        public override string Reads => "the source's OS state (the image's, or the gallery definition's)";

        public override Finding? Evaluate(VmssDeployFacts facts) =>
            !facts.Source.Exists || !facts.Source.IsSpecialized ? null : Refuse(
                $"The source '{facts.Source.Name}' is specialized: every instance of scale set '{facts.Request.Name}' would share its computer name and machine SID (and domain identity).",
                $"Generalize the source (Invoke-VmGeneralize, then New-CapturedImage or Publish-GalleryVersion into a Generalized definition) and deploy the scale set from that; for one copy of this machine use New-VmFromImage.",
                facts.Source.Id, FailureCategory.InvalidArgument);
    }
}
