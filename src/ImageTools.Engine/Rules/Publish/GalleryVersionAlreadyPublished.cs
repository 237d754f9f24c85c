using System;
using ImageTools.Engine.Gateway;

namespace ImageTools.Engine.Rules.Publish
{
    /// <summary>The version exists from the same source: an earlier run made it; it is returned (after its replication completes).</summary>
    internal sealed class GalleryVersionAlreadyPublished : Rule<PublishFacts>
    {
        public override string Reads => "versions of the definition: storageProfile source id, provisioningState";

        public override Finding? Evaluate(PublishFacts facts)
        {
            var version = facts.ExistingVersion;
            if (version == null || !ArmId.SameId(version.SourceId, facts.Source.Id) ||
                string.Equals(version.ProvisioningState, "Failed", StringComparison.OrdinalIgnoreCase))
                return null;
            return Done($"Version '{version.Name}' of '{facts.DefinitionName}' already exists from '{facts.Source.Name}'; it is returned as it is.", version.Id);
        }
    }
}
