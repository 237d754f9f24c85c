using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Capture
{
    /// <summary>
    /// The image's Hyper-V generation is the source's; a different -HyperVGeneration is refused
    /// (ARM: 400 InvalidParameter "The Input HyperVGeneration property: 'V1' does not match ...").
    /// </summary>
    internal sealed class HyperVGenerationMismatch : Rule<CaptureFacts>
    {
        public override string Reads => "instance view hyperVGeneration of the VM, or hyperVGeneration of the disk/snapshot";

        public override Finding? Evaluate(CaptureFacts facts)
        {
            var source = facts.SourceHyperVGeneration;
            if (!facts.SourceExists || string.IsNullOrWhiteSpace(facts.Request.HyperVGeneration) || source.Length == 0 ||
                CaptureFacts.Normalize(source) == facts.TargetHyperVGeneration)
                return null;
            return Refuse(
                $"-HyperVGeneration {facts.TargetHyperVGeneration} does not match the Hyper-V generation {CaptureFacts.Normalize(source)} of the source '{facts.SourceId.Name}'.",
                $"Omit -HyperVGeneration (the image takes the source's generation, {CaptureFacts.Normalize(source)}).",
                facts.SourceResourceId, FailureCategory.InvalidArgument);
        }
    }
}
