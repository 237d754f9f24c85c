using System.Linq;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.UpdateVersion
{
    /// <summary>The version to update (or its definition, or its gallery) does not exist.</summary>
    internal sealed class UpdatedVersionNotFound : Rule<UpdateVersionFacts>
    {
        public override string Reads => "GET of the image definition; its version list";

        public override Finding? Evaluate(UpdateVersionFacts facts)
        {
            if (facts.Version != null)
                return null;
            var listing = facts.Listing;
            var where = listing.Definition == null
                ? $"image definition '{listing.DefinitionName}' was not found in gallery '{listing.GalleryName}'"
                : $"definition '{listing.DefinitionName}' has {(listing.Versions.Count == 0 ? "no versions" : "the versions " + string.Join(", ", listing.Versions.Select(v => v.Name)))}";
            return Refuse($"Version '{facts.VersionName}' was not found: {where}.",
                "Name an existing version (Get-GalleryVersion lists them; Tab completes -Name), or publish it with Publish-GalleryVersion.",
                facts.VersionId, FailureCategory.ObjectNotFound);
        }
    }
}
