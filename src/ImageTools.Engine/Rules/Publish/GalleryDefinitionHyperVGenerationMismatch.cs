using ImageTools.Engine.Gateway;
using ImageTools.Engine.Rules.Capture;

namespace ImageTools.Engine.Rules.Publish
{
    /// <summary>
    /// The definition's Hyper-V generation is the source's (ARM accepts the PUT, then fails the
    /// long-running operation with Conflict "...has a different Hypervisor generation ['V2'] than
    /// the parent gallery image Hypervisor generation ['V1']."): refused before any write.
    /// </summary>
    internal sealed class GalleryDefinitionHyperVGenerationMismatch : DefinitionPropertyRule
    {
        public override string Reads => "definition hyperVGeneration; the source's Hyper-V generation";
        protected override string Property => "Hyper-V generation";
        protected override string Parameter => "-HyperVGeneration";
        protected override string? StatedValue(PublishFacts facts) => PublishFacts.Stated(facts.Request.HyperVGeneration);
        protected override string DefinitionValue(GalleryDefinitionState definition) => definition.HyperVGeneration;
        protected override string SourceValue(PublishFacts facts) => facts.Source.HyperVGeneration;
        protected override string Canonical(string value) => CaptureFacts.Normalize(value);
    }
}
