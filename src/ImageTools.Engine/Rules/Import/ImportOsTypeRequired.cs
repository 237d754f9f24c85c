using System;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Import
{
    /// <summary>The OS type is given (-OsType) or inferred from the partitions (NTFS / Microsoft basic data: Windows; Linux filesystem, LVM, swap: Linux).</summary>
    internal sealed class ImportOsTypeRequired : Rule<ImportFacts>
    {
        public override string Reads => "-OsType; the VHD's partition types";

        public override Finding? Evaluate(ImportFacts facts)
        {
            var unread = facts.FromBlob && !facts.Vhd.Exists;
            if ((!facts.VhdUsable && !unread) || facts.TargetOsType.Length > 0)
                return null;
            return Refuse($"The OS type of VHD '{facts.Vhd.Path}' cannot be inferred: {(unread ? "the blob was not read (no SAS)" : facts.Vhd.PartitionStyle.Length == 0 ? "it holds no partition table" : "none of its partitions is a Windows or Linux one")}.",
                "Pass -OsType Windows or -OsType Linux.", facts.Vhd.Path, FailureCategory.InvalidArgument);
        }
    }
}
