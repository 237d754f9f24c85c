using System;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Operations.Import;

namespace ImageTools.Engine.Rules.Import
{
    /// <summary>Azure takes VHD files only: the last 512 bytes are a footer whose cookie is "conectix" (not a VHDX, not a raw image).</summary>
    internal sealed class VhdNotVhd : Rule<ImportFacts>
    {
        public override string Reads => "the file's first 8 bytes and its last 512 (the footer's cookie)";

        public override Finding? Evaluate(ImportFacts facts)
        {
            var vhd = facts.Vhd;
            if (!vhd.Exists || vhd.HasFooter)
                return null;
            var fixedVhd = System.IO.Path.ChangeExtension(vhd.Path, ".vhd");
            return vhd.IsVhdx
                ? Refuse($"'{vhd.Path}' is a VHDX; Azure takes only fixed-size VHD files (ARM: \"The specified cookie value in VHD footer indicates that disk … is not a supported VHD. Disk is expected to have cookie value 'conectix'.\").",
                    facts.Remedy($"Convert it first: Convert-VHD -Path '{vhd.Path}' -DestinationPath '{fixedVhd}' -VHDType Fixed (Hyper-V), or qemu-img convert -f vhdx -O vpc -o subformat=fixed,force_size '{vhd.Path}' '{fixedVhd}'; then import the .vhd."),
                    vhd.Path, FailureCategory.InvalidArgument)
                : Refuse($"'{vhd.Path}' has no VHD footer: its last 512 bytes do not start with the cookie 'conectix' (a raw image, or a copy cut short). ARM refuses it: \"Disk is expected to have cookie value 'conectix'.\"",
                    facts.Remedy($"Convert it to a fixed-size VHD: qemu-img convert -f raw -O vpc -o subformat=fixed,force_size '{vhd.Path}' '{fixedVhd}' (or Convert-VHD -VHDType Fixed on Hyper-V)."),
                    vhd.Path, FailureCategory.InvalidArgument);
        }
    }
}
