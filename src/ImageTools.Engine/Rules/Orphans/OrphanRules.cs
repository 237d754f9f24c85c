using System.Collections.Generic;

namespace ImageTools.Engine.Rules.Orphans
{
    /// <summary>Remove-ImageToolsOrphan's catalogue, in the order findings are reported.</summary>
    internal static class OrphanRules
    {
        public static readonly IReadOnlyList<Rule<OrphanRemoveFacts>> All = new Rule<OrphanRemoveFacts>[]
        {
            new OrphanAlreadyRemoved(),
            new OrphanNotMadeByImageTools(),
            new OrphanVmExists(),
            new OrphanInUse(),
            new OrphanRetained(),
        };
    }
}
