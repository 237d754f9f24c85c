using System;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Operations.Import;

namespace ImageTools.Engine.Rules.Import
{
    /// <summary>Azure takes fixed-size VHDs only; a dynamic or differencing VHD is refused with the command that converts it.</summary>
    internal sealed class VhdNotFixed : Rule<ImportFacts>
    {
        public override string Reads => "the footer's disk type (2 fixed, 3 dynamic, 4 differencing)";

        public override Finding? Evaluate(ImportFacts facts)
        {
            var vhd = facts.Vhd;
            if (!vhd.Exists || !vhd.HasFooter || vhd.DiskType == VhdFile.FixedDisk)
                return null;
            var fixedVhd = facts.FromBlob ? System.IO.Path.GetFileNameWithoutExtension(facts.Blob!.FileName) + "-fixed.vhd"
                : System.IO.Path.Combine(System.IO.Path.GetDirectoryName(vhd.Path) ?? "", System.IO.Path.GetFileNameWithoutExtension(vhd.Path) + "-fixed.vhd");
            var merge = vhd.DiskType == VhdFile.DifferencingDisk ? " A differencing disk holds only changes: merge it into its parent first (Merge-VHD), or convert the chain." : "";
            return Refuse($"VHD '{vhd.Path}' is a {vhd.DiskTypeName} VHD (footer disk type {vhd.DiskType}); Azure takes fixed-size VHDs only (disk type 2).{merge}",
                facts.Remedy($"Convert it to a fixed-size VHD, then import that file: Convert-VHD -Path '{vhd.Path}' -DestinationPath '{fixedVhd}' -VHDType Fixed (Hyper-V), or qemu-img convert -f vpc -O vpc -o subformat=fixed,force_size '{vhd.Path}' '{fixedVhd}'."),
                vhd.Path, FailureCategory.InvalidArgument);
        }
    }
}
