using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Publish
{
    /// <summary>
    /// Every target region (and -Location, the gallery's region) must be a location of the
    /// subscription where Azure offers gallery image versions; ARM would otherwise refuse the version
    /// (400 LocationNotAvailableForResourceType) after the gallery and the definition were created.
    /// The refusal names each bad region and the closest valid names.
    /// </summary>
    internal sealed class TargetRegionNotAvailable : Rule<PublishFacts>
    {
        public override string Reads => "-TargetRegion, -Location; the Microsoft.Compute provider's locations of galleries/images/versions, and GET /subscriptions/{id}/locations when a region is not among them (both kept for the session)";

        public override Finding? Evaluate(PublishFacts facts)
        {
            var available = facts.Available;
            if (available == null)
                return null;
            var bad = facts.Regions.Select(r => r.Name).Where(n => n.Length > 0 && !available.Contains(n)).Distinct().ToList();
            if (bad.Count == 0)
                return null;
            var location = RegionNames.Normalize(facts.Request.Location);
            var parts = bad.Select(name =>
            {
                var what = name == location && facts.Gallery == null ? $"-Location '{name}'" : $"region '{name}'";
                return $"{what} {available.WhyNot(name)}";
            });
            return Refuse(
                $"The version cannot be placed where asked: {string.Join("; ", parts)}.",
                "Use region names as Get-AzLocation lists them (Location column, e.g. eastus, westeurope) in -TargetRegion and -Location, then rerun; nothing was created.",
                facts.VersionId, FailureCategory.InvalidArgument);
        }
    }
}
