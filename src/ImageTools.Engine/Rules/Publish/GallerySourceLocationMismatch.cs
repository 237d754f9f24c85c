using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Publish
{
    /// <summary>A version is created in its source's region: the gallery (existing, or -Location for a new one) must be there.</summary>
    internal sealed class GallerySourceLocationMismatch : Rule<PublishFacts>
    {
        public override string Reads => "location of the source and of the gallery";

        public override Finding? Evaluate(PublishFacts facts)
        {
            if (!facts.Source.Exists || facts.Source.Location.Length == 0 || RegionNames.Same(facts.Source.Location, facts.TargetLocation))
                return null;
            var where = facts.Gallery != null ? $"gallery '{facts.GalleryName}' is in '{facts.Gallery.Location}'" : $"-Location is '{facts.Request.Location}'";
            return Refuse(
                $"The source '{facts.Source.Name}' is in '{facts.Source.Location}' but {where}; a gallery image version is created from a source in the gallery's region.",
                $"Use a gallery in '{facts.Source.Location}' (omit -Location to create one there), then replicate anywhere with -TargetRegion.",
                facts.Source.Id, FailureCategory.InvalidArgument);
        }
    }
}
