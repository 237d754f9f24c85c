using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Capture
{
    /// <summary>Never a silent V1: when neither the source nor the request says the generation, the user must.</summary>
    internal sealed class HyperVGenerationUnknown : Rule<CaptureFacts>
    {
        public override string Reads => "hyperVGeneration of the source; -HyperVGeneration";

        public override Finding? Evaluate(CaptureFacts facts) =>
            facts.SourceExists && facts.TargetHyperVGeneration.Length == 0
                ? Refuse(
                    $"The Hyper-V generation of '{facts.SourceId.Name}' is not recorded on the source, and none was given; Azure treats such a source as V1, so the image would silently become V1.",
                    "Pass -HyperVGeneration V1 to confirm V1; if the disk comes from a Gen2 (UEFI) VM, record it on the disk first (New-AzDiskUpdateConfig -HyperVGeneration V2 | Update-AzDisk), then rerun.",
                    facts.SourceResourceId, FailureCategory.InvalidArgument)
                : null;
    }
}
