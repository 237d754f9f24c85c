using System;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Import
{
    /// <summary>The Hyper-V generation is given or inferred from the partition table: a GPT disk boots UEFI (V2), an MBR disk BIOS (V1).</summary>
    internal sealed class ImportHyperVGenerationRequired : Rule<ImportFacts>
    {
        public override string Reads => "-HyperVGeneration; the VHD's partition table (GPT: V2, MBR: V1)";

        public override Finding? Evaluate(ImportFacts facts)
        {
            var unread = facts.FromBlob && !facts.Vhd.Exists;
            if ((!facts.VhdUsable && !unread) || facts.TargetGeneration.Length > 0)
                return null;
            return Refuse($"The Hyper-V generation of VHD '{facts.Vhd.Path}' cannot be inferred: {(unread ? "the blob was not read (no SAS)" : "it holds no partition table")}.",
                "Pass -HyperVGeneration V1 (the VM booted BIOS on Hyper-V: generation 1) or V2 (UEFI: generation 2).", facts.Vhd.Path, FailureCategory.InvalidArgument);
        }
    }
}
