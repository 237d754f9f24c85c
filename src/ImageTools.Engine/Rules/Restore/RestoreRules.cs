using System.Collections.Generic;

namespace ImageTools.Engine.Rules.Restore
{
    /// <summary>Undo-VmGeneralize's catalogue, in the order findings are reported.</summary>
    internal static class RestoreRules
    {
        public static readonly IReadOnlyList<Rule<RestoreFacts>> All = new Rule<RestoreFacts>[]
        {
            new VmAlreadyRestored(),
            new RestoreSnapshotMissing(),
            new RestoreSnapshotNotOfVm(),
            new RestoreVmNameTaken(),
            new RestoreSubnetUnknown(),
        };
    }
}
