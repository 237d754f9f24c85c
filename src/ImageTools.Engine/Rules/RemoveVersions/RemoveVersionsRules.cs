using System.Collections.Generic;

namespace ImageTools.Engine.Rules.RemoveVersions
{
    /// <summary>Remove-GalleryVersion's catalogue, in the order findings are reported.</summary>
    internal static class RemoveVersionsRules
    {
        public static readonly IReadOnlyList<Rule<RemoveVersionsFacts>> All = new Rule<RemoveVersionsFacts>[]
        {
            new RemovedDefinitionNotFound(),
            new RemovedVersionNotFound(),
            new VersionIsLatest(),
            new VersionInUse(),
            new NothingToRemove(),
        };
    }
}
