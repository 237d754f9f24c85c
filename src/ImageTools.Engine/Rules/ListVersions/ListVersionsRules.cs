using System.Collections.Generic;

namespace ImageTools.Engine.Rules.ListVersions
{
    /// <summary>Get-GalleryVersion's catalogue, in the order findings are reported.</summary>
    internal static class ListVersionsRules
    {
        public static readonly IReadOnlyList<Rule<ListVersionsFacts>> All = new Rule<ListVersionsFacts>[]
        {
            new ListedDefinitionNotFound(),
            new ListedVersionNotFound(),
        };
    }
}
