using System;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Operations.Import;

namespace ImageTools.Engine.Rules.Import
{
    /// <summary>Azure takes uploads of 20 MiB to 32 TiB (uploadSizeBytes 20,972,032 to 35,183,298,347,520, footer included).</summary>
    internal sealed class VhdSizeOutOfRange : Rule<ImportFacts>
    {
        public override string Reads => "the file's length minus the 512-byte footer";

        public override Finding? Evaluate(ImportFacts facts)
        {
            var vhd = facts.Vhd;
            if (!facts.VhdUsable || vhd.DataSize % ImportFacts.MiB != 0 || (vhd.DataSize >= ImportFacts.MinDataSize && vhd.DataSize <= ImportFacts.MaxDataSize))
                return null;
            return Refuse($"The virtual size of VHD '{vhd.Path}' is {vhd.DataSize / ImportFacts.MiB} MiB; Azure takes disks of 20 MiB to 32 TiB.",
                facts.Remedy(vhd.DataSize < ImportFacts.MinDataSize ? $"Grow it to at least 20 MiB: Resize-VHD -Path '{vhd.Path}' -SizeBytes {ImportFacts.MinDataSize}." : "Shrink the guest's volumes and the VHD (Resize-VHD -ToMinimumSize) below 32 TiB."),
                vhd.Path, FailureCategory.InvalidArgument);
        }
    }
}
