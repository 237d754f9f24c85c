using System;
using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Copy
{
    /// <summary>A snapshot copy of an earlier run that stopped with copyCompletionError is not reused.</summary>
    internal sealed class CopyFailedEarlier : Rule<CopyFacts>
    {
        public override string Reads => "the copy snapshots of an earlier run: copyCompletionError";

        public override Finding? Evaluate(CopyFacts facts)
        {
            var failed = facts.Disks.FirstOrDefault(d => d.Copy != null && d.Copy.CopyErrorCode.Length > 0);
            if (!facts.SourceUsable || failed == null)
                return null;
            return Refuse($"The copy of the {failed.Label} to '{facts.TargetLocation}' made by an earlier run stopped: {failed.Copy!.CopyErrorCode}: {failed.Copy.CopyErrorMessage}",
                $"Remove it (Remove-AzSnapshot -ResourceGroupName {facts.TargetId.ResourceGroupName} -SnapshotName {failed.Copy.Name}) and rerun the same command.",
                failed.Copy.Id, FailureCategory.InvalidOperation);
        }
    }
}
