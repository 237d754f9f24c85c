using System.Linq;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Capture
{
    /// <summary>Every data disk carried into an image made from disks must exist (and a VM source carries its own).</summary>
    internal sealed class DataDiskNotFound : Rule<CaptureFacts>
    {
        public override string Reads => "GET of each -DataDiskSourceIds disk or snapshot";

        public override Finding? Evaluate(CaptureFacts facts)
        {
            if (facts.DataDisks.Count == 0)
                return null;
            if (facts.Kind == CaptureSourceKind.VirtualMachine)
                return Refuse("-DataDiskSourceIds applies to images made from a disk or snapshot; a VM's image carries the VM's own data disks.",
                    "Omit -DataDiskSourceIds.", facts.SourceId.Id, FailureCategory.InvalidArgument);
            var missing = facts.DataDisks.Where(d => !d.Exists).ToList();
            return missing.Count == 0 ? null : Refuse(
                $"Data disk source(s) not found: {string.Join(", ", missing.Select(d => $"LUN {d.Lun} '{d.Id.Id}'"))}.",
                "Pass the ids of existing managed disks or snapshots (Get-AzDisk / Get-AzSnapshot show them).",
                missing[0].Id.Id, FailureCategory.ObjectNotFound);
        }
    }
}
