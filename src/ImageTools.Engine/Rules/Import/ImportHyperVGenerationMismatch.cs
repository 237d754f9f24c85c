using System;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Import
{
    /// <summary>A GPT disk does not boot as V1 (BIOS) and an MBR disk does not boot as V2 (UEFI): the VM would never start.</summary>
    internal sealed class ImportHyperVGenerationMismatch : Rule<ImportFacts>
    {
        public override string Reads => "-HyperVGeneration; the VHD's partition table";

        public override Finding? Evaluate(ImportFacts facts)
        {
            var inferred = facts.Vhd.InferredGeneration;
            if (!facts.VhdUsable || inferred.Length == 0 || facts.TargetGeneration.Equals(inferred, StringComparison.OrdinalIgnoreCase))
                return null;
            return Refuse($"-HyperVGeneration {facts.TargetGeneration} does not fit VHD '{facts.Vhd.Path}': it is partitioned {facts.Vhd.PartitionStyle}, which boots only as {inferred} ({(inferred == "V2" ? "UEFI" : "BIOS")}).",
                $"Pass -HyperVGeneration {inferred} or leave it out (it is inferred).", facts.Vhd.Path, FailureCategory.InvalidArgument);
        }
    }
}
