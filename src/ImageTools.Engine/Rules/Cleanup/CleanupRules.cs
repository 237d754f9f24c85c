using System.Collections.Generic;

namespace ImageTools.Engine.Rules.Cleanup
{
    /// <summary>Remove-ImageToolsSnapshot's catalogue, in the order findings are reported.</summary>
    internal static class CleanupRules
    {
        public static readonly IReadOnlyList<Rule<SnapshotRemoveFacts>> Snapshot = new Rule<SnapshotRemoveFacts>[]
        {
            new SnapshotAlreadyRemoved(),
            new SnapshotNotMadeByImageTools(),
            new SnapshotRetained(),
        };
    }
}
