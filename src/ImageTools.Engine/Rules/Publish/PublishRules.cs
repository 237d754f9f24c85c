using System.Collections.Generic;

namespace ImageTools.Engine.Rules.Publish
{
    /// <summary>Publish-GalleryVersion's catalogue, in the order findings are reported.</summary>
    internal static class PublishRules
    {
        public static readonly IReadOnlyList<Rule<PublishFacts>> All = new Rule<PublishFacts>[]
        {
            new PublishSourceNotFound(),
            new GalleryNameInvalid(),
            new DefinitionNameInvalid(),
            new VersionNameInvalid(),
            new AutoVersionOverflow(),
            new VersionAlreadyPublished(),
            new VersionExistsFromOtherSource(),
            new DefinitionIdentifiersMissing(),
            new DefinitionIdentifierTooLong(),
            new DefinitionOsTypeMismatch(),
            new DefinitionOsStateMismatch(),
            new PublishOsStateRequired(),
            new DefinitionHyperVGenerationMismatch(),
            new DefinitionSecurityTypeMismatch(),
            new SourceLocationMismatch(),
            new DuplicateTargetRegion(),
            new ReplicaCountOutOfRange(),
            new StorageAccountTypeInvalid(),
            new EndOfLifeInPast(),
        };
    }
}
