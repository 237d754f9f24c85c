using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Publish
{
    /// <summary>"auto" is the next patch after the highest existing version; a patch already at 2,147,483,647 has no next.</summary>
    internal sealed class GalleryVersionAutoOverflow : Rule<PublishFacts>
    {
        public override string Reads => "list of the definition's versions";

        public override Finding? Evaluate(PublishFacts facts) =>
            !facts.IsAutoVersion || facts.VersionName != null ? null : Refuse(
                $"-Version auto cannot go past '{facts.HighestVersion}' in '{facts.DefinitionName}': its patch is already 2,147,483,647, the largest a version part can be.",
                "Pass an explicit -Version with a higher minor or major (for example the next minor, patch 0).",
                facts.DefinitionId, FailureCategory.InvalidArgument);
    }
}
