using System.Collections.Generic;

namespace ImageTools.Engine.Rules.UpdateVersion
{
    /// <summary>Update-GalleryVersion's catalogue, in the order findings are reported.</summary>
    internal static class UpdateVersionRules
    {
        public static readonly IReadOnlyList<Rule<UpdateVersionFacts>> All = new Rule<UpdateVersionFacts>[]
        {
            new UpdatedVersionNotFound(),
            new UpdateRegionAddedAndRemoved(),
            new UpdateRegionDuplicate(),
            new UpdateRegionUnknown(),
            new UpdateRemovesSourceRegion(),
            new UpdateReplicaCountOutOfRange(),
            new UpdateStorageAccountTypeInvalid(),
            new UpdateTooManyReplicas(),
            new UpdateEndOfLifeInPast(),
            new UpdateRemovesUntargetedRegion(),
            new UpdateNothingToChange(),
        };
    }
}
