using ImageTools.Engine.Hosting;
using ImageTools.Engine.Validation;

namespace ImageTools.Engine.Rules.Publish
{
    /// <summary>Definition names: letters, digits, '_', '-' and '.', up to 80.</summary>
    internal sealed class GalleryDefinitionNameInvalid : Rule<PublishFacts>
    {
        public override string Reads => "-DefinitionName";

        public override Finding? Evaluate(PublishFacts facts) =>
            AzureNames.CheckGalleryImageName(facts.DefinitionName) is string problem
                ? Refuse($"Image definition name '{facts.DefinitionName}' is invalid: {problem}",
                    "Use letters, digits, underscores, hyphens and periods, starting with a letter or digit and not ending with '-' or '.', up to 80 characters.",
                    facts.DefinitionId, FailureCategory.InvalidArgument)
                : null;
    }
}
