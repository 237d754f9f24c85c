using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.UpdateVersion
{
    /// <summary>An added region the subscription does not offer (ARM: LocationNotAvailableForResourceType).</summary>
    internal sealed class UpdateRegionUnknown : Rule<UpdateVersionFacts>
    {
        public override string Reads => "-AddRegion; the subscription's locations";

        public override Finding? Evaluate(UpdateVersionFacts facts)
        {
            if (facts.Locations == null || facts.Locations.Count == 0)
                return null;
            var unknown = facts.Adds.Where(a => !facts.Locations.Any(l => RegionNames.Same(l, a.Name))).Select(a => a.Name).Distinct().ToList();
            return unknown.Count == 0 ? null : Refuse(
                $"{string.Join(", ", unknown.Select(u => $"'{u}'"))} is not a location of subscription '{facts.VersionId.SubscriptionId}'.",
                "Name a region by its location name (eastus, westeurope...; Tab completes -AddRegion).", facts.VersionId, FailureCategory.InvalidArgument);
        }
    }
}
