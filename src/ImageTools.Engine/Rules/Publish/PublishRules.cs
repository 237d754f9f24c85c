using System.Collections.Generic;

namespace ImageTools.Engine.Rules.Publish
{
    /// <summary>Publish-GalleryVersion's catalogue, in the order findings are reported.</summary>
    internal static class PublishRules
    {
        public static readonly IReadOnlyList<Rule<PublishFacts>> All = new Rule<PublishFacts>[]
        {
            new PublishSourceNotFound(),
            new PublishDeleteSourceNotVm(),
            new PublishDeleteSourceNoWait(),
            new GalleryNameInvalid(),
            new GalleryResourceGroupNotFound(),
            new GalleryDefinitionNameInvalid(),
            new GalleryVersionNameInvalid(),
            new GalleryVersionAutoOverflow(),
            new GalleryVersionAlreadyPublished(),
            new GalleryVersionExists(),
            new GalleryDefinitionNotFound(),
            new GalleryDefinitionIdentifierTooLong(),
            new GalleryDefinitionIdentifierTaken(),
            new GalleryDefinitionOsTypeMismatch(),
            new GalleryDefinitionOsStateMismatch(),
            new PublishOsStateRequired(),
            new GalleryDefinitionHyperVGenerationMismatch(),
            new GalleryDefinitionSecurityTypeMismatch(),
            new TargetRegionNotAvailable(),
            new GallerySourceLocationMismatch(),
            new TargetRegionDuplicate(),
            new TargetRegionReplicaCountOutOfRange(),
            new TargetRegionTooManyReplicas(),
            new TargetRegionStorageAccountTypeInvalid(),
            new GalleryVersionEndOfLifeInPast(),
            new PublishGeneralizedWithoutEvidence(),
        };
    }
}
