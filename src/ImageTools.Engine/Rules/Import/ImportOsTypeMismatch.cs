using System;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Import
{
    /// <summary>Warns when -OsType says otherwise than the partitions (it is taken as given).</summary>
    internal sealed class ImportOsTypeMismatch : Rule<ImportFacts>
    {
        public override string Reads => "-OsType; the VHD's partition types";

        public override Finding? Evaluate(ImportFacts facts)
        {
            var inferred = facts.Vhd.InferredOsType;
            if (!facts.VhdUsable || inferred.Length == 0 || facts.TargetOsType.Equals(inferred, StringComparison.OrdinalIgnoreCase))
                return null;
            return Warn($"-OsType {facts.TargetOsType} was given, but the partitions of VHD '{facts.Vhd.Path}' look like {inferred}; the disk is marked {facts.TargetOsType} as asked.",
                $"Check the VHD; pass -OsType {inferred} if it is the {inferred} disk.", facts.Vhd.Path);
        }
    }
}
