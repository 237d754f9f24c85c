using System.Globalization;
using ImageTools.Engine.Operations.Cleanup;

namespace ImageTools.Engine.Rules.Cleanup
{
    /// <summary>A snapshot whose imagetools-retain-until lies ahead is kept unless -IgnoreRetention.</summary>
    internal sealed class SnapshotRetained : Rule<SnapshotRemoveFacts>
    {
        public override string Reads => "the snapshot's imagetools-retain-until tag (UTC); -IgnoreRetention";

        public override Finding? Evaluate(SnapshotRemoveFacts facts) =>
            facts.Snapshot != null && !facts.Request.IgnoreRetention
            && ImageToolsSnapshots.RetainUntil(facts.Snapshot.Tags) is System.DateTime until && until > facts.Now
                ? Refuse($"Snapshot '{facts.Id.Name}' is retained until {until.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)} (its {ImageToolsSnapshots.RetainUntilTag} tag).",
                    "Remove it after that time (Get-ImageToolsSnapshot -Expired lists those whose time has come), or pass -IgnoreRetention.", facts.Id.Id)
                : null;
    }
}
