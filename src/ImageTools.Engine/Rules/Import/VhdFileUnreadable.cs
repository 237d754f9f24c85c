using System;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Operations.Import;

namespace ImageTools.Engine.Rules.Import
{
    /// <summary>The VHD file must exist and be readable.</summary>
    internal sealed class VhdFileUnreadable : Rule<ImportFacts>
    {
        public override string Reads => "-Path: the file";

        public override Finding? Evaluate(ImportFacts facts)
        {
            var vhd = facts.Vhd;
            return vhd.Exists || facts.FromBlob ? null : Refuse($"VHD file '{vhd.Path}' cannot be read: {vhd.ReadError}.",
                "Pass -Path the full path of a fixed-size .vhd file.", vhd.Path, FailureCategory.ObjectNotFound);
        }
    }
}
