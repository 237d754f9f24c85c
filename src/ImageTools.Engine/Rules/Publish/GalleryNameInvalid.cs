using ImageTools.Engine.Hosting;
using ImageTools.Engine.Validation;

namespace ImageTools.Engine.Rules.Publish
{
    /// <summary>Gallery names: letters, digits, '.' and '_' (no dashes), up to 80.</summary>
    internal sealed class GalleryNameInvalid : Rule<PublishFacts>
    {
        public override string Reads => "-GalleryName";

        public override Finding? Evaluate(PublishFacts facts) =>
            AzureNames.CheckGalleryName(facts.GalleryName) is string problem
                ? Refuse($"Gallery name '{facts.GalleryName}' is invalid: {problem}",
                    "Use letters, digits, periods and underscores (no dashes), starting and ending with a letter or digit, up to 80 characters.",
                    facts.GalleryId, FailureCategory.InvalidArgument)
                : null;
    }
}
