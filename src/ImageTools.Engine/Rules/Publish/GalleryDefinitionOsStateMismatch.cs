using ImageTools.Engine.Gateway;

namespace ImageTools.Engine.Rules.Publish
{
    /// <summary>
    /// The definition's OS state is the source's (ARM: 400 BadRequest "...has a different OS
    /// state ['Specialized'] than the parent gallery image OS state ['Generalized']."). A VM that
    /// is not generalized is a Specialized source.
    /// </summary>
    internal sealed class GalleryDefinitionOsStateMismatch : DefinitionPropertyRule
    {
        public override string Reads => "definition osState; the source's OS state (VM instance view OSState/generalized, image osDisk.osState)";
        protected override string Property => "OS state";
        protected override string Parameter => "-OsState";
        protected override string? StatedValue(PublishFacts facts) => PublishFacts.Stated(facts.Request.OsState);
        protected override string DefinitionValue(GalleryDefinitionState definition) => definition.OsState;
        protected override string SourceValue(PublishFacts facts) => facts.Source.OsState;
    }
}
