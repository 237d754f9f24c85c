using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Publish
{
    /// <summary>
    /// -Version is "auto" or Major.Minor.Patch with each part 0..2,147,483,647 (ARM: 400
    /// InvalidParameter "The image version name is invalid...").
    /// </summary>
    internal sealed class GalleryVersionNameInvalid : Rule<PublishFacts>
    {
        public override string Reads => "-Version";

        public override Finding? Evaluate(PublishFacts facts) =>
            facts.IsAutoVersion || facts.VersionName != null ? null : Refuse(
                $"Version '{facts.Request.Version}' is invalid: a gallery image version is Major.Minor.Patch, each a whole number from 0 to 2,147,483,647 written without leading zeros (for example 1.0.0 or 2024.12.1).",
                "Pass -Version Major.Minor.Patch, or -Version auto for the next patch after the highest existing version.",
                facts.DefinitionId, FailureCategory.InvalidArgument);
    }
}
