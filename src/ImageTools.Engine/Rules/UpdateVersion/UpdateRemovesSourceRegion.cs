using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.UpdateVersion
{
    /// <summary>
    /// The version's own region cannot leave its target regions (ARM: "Gallery image version
    /// publishing profile regions ... must contain the location of image version ...").
    /// </summary>
    internal sealed class UpdateRemovesSourceRegion : Rule<UpdateVersionFacts>
    {
        public override string Reads => "-RemoveRegion; the version's location";

        public override Finding? Evaluate(UpdateVersionFacts facts)
        {
            var version = facts.Version;
            if (version == null || !System.Array.Exists(facts.Removes, r => RegionNames.Same(r, version.Location)))
                return null;
            return Refuse(
                $"Region '{version.Location}' is version '{version.Name}''s own location: its target regions must contain it.",
                "Remove other regions only; to retire the version everywhere, use Remove-GalleryVersion.", version.Id, FailureCategory.InvalidArgument);
        }
    }
}
