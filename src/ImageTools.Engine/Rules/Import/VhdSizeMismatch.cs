using System;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Operations.Import;

namespace ImageTools.Engine.Rules.Import
{
    /// <summary>A fixed VHD holds exactly its virtual size before the footer; anything else is a file cut short or padded.</summary>
    internal sealed class VhdSizeMismatch : Rule<ImportFacts>
    {
        public override string Reads => "the footer's current size; the file's length";

        public override Finding? Evaluate(ImportFacts facts)
        {
            var vhd = facts.Vhd;
            if (!facts.VhdUsable || !vhd.ChecksumValid || vhd.CurrentSize == vhd.DataSize)
                return null;
            return Refuse($"VHD '{vhd.Path}' states a virtual size of {vhd.CurrentSize} bytes but holds {vhd.DataSize} bytes before its footer: the file was cut short or padded.",
                facts.Remedy("Copy the VHD again from its source, or rebuild it with Convert-VHD -VHDType Fixed / qemu-img convert -O vpc -o subformat=fixed,force_size."),
                vhd.Path, FailureCategory.InvalidArgument);
        }
    }
}
