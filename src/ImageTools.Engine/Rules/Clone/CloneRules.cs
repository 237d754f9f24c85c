using System.Collections.Generic;
using ImageTools.Engine.Rules.Generalize;

namespace ImageTools.Engine.Rules.Clone
{
    /// <summary>Invoke-VmGeneralize -Clone's catalogue, in the order findings are reported.</summary>
    internal static class CloneRules
    {
        /// <summary>Rules of a generalize that apply to the source as they would to the VM itself.</summary>
        public static readonly IReadOnlyList<Rule<GeneralizeFacts>> Source = new Rule<GeneralizeFacts>[]
        {
            new UnmanagedDisks(),
            new ScaleSetInstance(),
            new SysprepOnLinux(),
            new DeprovisionOnWindows(),
        };

        public static readonly IReadOnlyList<Rule<CloneFacts>> Clone = new Rule<CloneFacts>[]
        {
            new CloneAlreadyGeneralized(),
            new CloneSourceGeneralized(),
            new CloneNameInvalid(),
            new CloneNameTaken(),
        };
    }
}
