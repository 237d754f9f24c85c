using System;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Operations.Import;

namespace ImageTools.Engine.Rules.Import
{
    /// <summary>The virtual size must be a whole number of MiB (ARM: "The upload size in bytes … - 512 bytes for the VHD footer … must be a multiple of MiB."); the refusal names the resize to run.</summary>
    internal sealed class VhdSizeNotWholeMiB : Rule<ImportFacts>
    {
        public override string Reads => "the file's length minus the 512-byte footer";

        public override Finding? Evaluate(ImportFacts facts)
        {
            var vhd = facts.Vhd;
            if (!facts.VhdUsable || vhd.DataSize % ImportFacts.MiB == 0)
                return null;
            var rounded = ImportFacts.RoundUpToMiB(vhd.DataSize);
            return Refuse($"The virtual size of VHD '{vhd.Path}' is {vhd.DataSize} bytes, not a whole number of MiB; Azure refuses it (the upload size minus the 512-byte footer must be a multiple of MiB).",
                facts.Remedy($"Resize it to {rounded} bytes ({rounded / ImportFacts.MiB} MiB), then import it: Resize-VHD -Path '{vhd.Path}' -SizeBytes {rounded} (Hyper-V), or on the raw image qemu-img resize -f raw <disk.raw> {rounded} and convert again with qemu-img convert -f raw -O vpc -o subformat=fixed,force_size."),
                vhd.Path, FailureCategory.InvalidArgument);
        }
    }
}
