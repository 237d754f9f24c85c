using System.Collections.Generic;

namespace ImageTools.Engine.Rules.Generalize
{
    /// <summary>Invoke-VmGeneralize's catalogue, in the order findings are reported.</summary>
    internal static class GeneralizeRules
    {
        /// <summary>Rules over the VM as ARM shows it (read before any write).</summary>
        public static readonly IReadOnlyList<Rule<GeneralizeFacts>> Arm = new Rule<GeneralizeFacts>[]
        {
            new VmAlreadyGeneralized(),
            new UnmanagedDisks(),
            new ScaleSetInstance(),
            new SysprepOnLinux(),
            new DeprovisionOnWindows(),
            new VmNotRunning(),
            new GuestAgentNotReady(),
            new SnapshotNameTaken(),
        };

        /// <summary>Rules over what the guest itself reports (the read-only probe, run before any write).</summary>
        public static readonly IReadOnlyList<Rule<GeneralizeFacts>> Guest = new Rule<GeneralizeFacts>[]
        {
            new DomainJoined(),
            new DomainController(),
        };
    }
}
