using System;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Operations.Import;

namespace ImageTools.Engine.Rules.Import
{
    /// <summary>A footer whose checksum does not add up is damaged: the file was changed or cut after it was made.</summary>
    internal sealed class VhdFooterChecksumInvalid : Rule<ImportFacts>
    {
        public override string Reads => "the footer's checksum (offset 64, the one's complement of its other bytes)";

        public override Finding? Evaluate(ImportFacts facts)
        {
            var vhd = facts.Vhd;
            if (!facts.VhdUsable || vhd.ChecksumValid)
                return null;
            return Refuse($"The footer of VHD '{vhd.Path}' is damaged: its checksum does not match its contents.",
                facts.Remedy("Copy the VHD again from its source (the copy is damaged), or rebuild the footer with Convert-VHD -VHDType Fixed / qemu-img convert -O vpc -o subformat=fixed,force_size."),
                vhd.Path, FailureCategory.InvalidArgument);
        }
    }
}
