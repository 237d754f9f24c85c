using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Publish
{
    /// <summary>A version of that name made from another source is not overwritten (ARM refuses changing the source too).</summary>
    internal sealed class GalleryVersionExists : Rule<PublishFacts>
    {
        public override string Reads => "versions of the definition: storageProfile source id";

        public override Finding? Evaluate(PublishFacts facts)
        {
            var version = facts.ExistingVersion;
            if (version == null || ArmId.SameId(version.SourceId, facts.Source.Id))
                return null;
            return Refuse(
                $"Version '{version.Name}' of '{facts.DefinitionName}' already exists from another source ('{version.SourceId}'), not from '{facts.Source.Id}'.",
                "Pass another -Version (or -Version auto for the next one).",
                version.Id, FailureCategory.ResourceExists);
        }
    }
}
