using System;
using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Copy
{
    /// <summary>The snapshots and disks the copy makes have fixed names; one of that name made from something else is never reused or replaced.</summary>
    internal sealed class CopyIntermediateNameTaken : Rule<CopyFacts>
    {
        public override string Reads => "GET of each snapshot and disk the copy would create (<target>-<disk>-stage, -copy)";

        public override Finding? Evaluate(CopyFacts facts)
        {
            if (!facts.SourceUsable)
                return null;
            foreach (var disk in facts.Disks)
            {
                ArmId? clash = null;
                if (disk.StageDisk != null && !ArmId.SameId(disk.StageDisk.SourceResourceId, disk.SourceId))
                    clash = disk.StageDisk.Id;
                else if (disk.StageSnapshot != null && !ArmId.SameId(disk.StageSnapshot.SourceResourceId, disk.StageDiskId ?? disk.SourceId))
                    clash = disk.StageSnapshot.Id;
                else if (disk.Copy != null && !ArmId.SameId(disk.Copy.SourceResourceId, disk.StageSnapshotId ?? disk.SourceId))
                    clash = disk.Copy.Id;
                if (clash != null)
                    return Refuse($"'{clash.Name}' already exists in resource group '{facts.TargetId.ResourceGroupName}' and was not made from the {disk.Label} of image '{facts.Source!.Name}'; the copy needs that name.",
                        "Pass another -TargetName (the intermediate names follow it), or remove that resource first.", clash.Id, FailureCategory.ResourceExists);
            }
            return null;
        }
    }
}
