using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.UpdateVersion
{
    /// <summary>
    /// An added region where a gallery image version cannot be placed: not a location of the subscription, or one
    /// where Azure does not offer versions (ARM: LocationNotAvailableForResourceType, only at the PATCH).
    /// </summary>
    internal sealed class UpdateRegionUnknown : Rule<UpdateVersionFacts>
    {
        public override string Reads => "-AddRegion; the Microsoft.Compute provider's locations of galleries/images/versions, and the subscription's locations when a region is not among them (both kept for the session)";

        public override Finding? Evaluate(UpdateVersionFacts facts)
        {
            var available = facts.Available;
            if (available == null)
                return null;
            var bad = facts.Adds.Select(a => RegionNames.Normalize(a.Name)).Where(n => n.Length > 0 && !available.Contains(n)).Distinct().ToList();
            return bad.Count == 0 ? null : Refuse(
                $"The version cannot be replicated where asked: {string.Join("; ", bad.Select(n => $"'{n}' {Subscription(available.WhyNot(n), facts)}"))}.",
                "Name a region by its location name (eastus, westeurope...; Tab completes -AddRegion).", facts.VersionId, FailureCategory.InvalidArgument);
        }

        private static string Subscription(string why, UpdateVersionFacts facts) =>
            why.Replace("this subscription", $"subscription '{facts.VersionId.SubscriptionId}'");
    }
}
