using ImageTools.Engine.Gateway;

namespace ImageTools.Engine.Rules.Publish
{
    /// <summary>The definition's OS type (Windows/Linux) is the source's.</summary>
    internal sealed class GalleryDefinitionOsTypeMismatch : DefinitionPropertyRule
    {
        public override string Reads => "definition osType; the source's OS type";
        protected override string Property => "OS type";
        protected override string Parameter => "-OsType";
        protected override string? StatedValue(PublishFacts facts) => PublishFacts.Stated(facts.Request.OsType);
        protected override string DefinitionValue(GalleryDefinitionState definition) => definition.OsType;
        protected override string SourceValue(PublishFacts facts) => facts.Source.OsType;
    }
}
