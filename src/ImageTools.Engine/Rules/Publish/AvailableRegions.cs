using System;
using System.Collections.Generic;
using System.Linq;
using ImageTools.Engine.Gateway;

namespace ImageTools.Engine.Rules.Publish
{
    /// <summary>
    /// The regions a gallery image version can be placed in: the locations the provider offers the resource
    /// type in, within the subscription's locations when those were read (they are read only to explain a bad
    /// name: not a location of the subscription, or not offered there). Names a bad region's closest valid names.
    /// </summary>
    internal sealed class AvailableRegions
    {
        private readonly HashSet<string> _regions;

        /// <param name="subscriptionLocations">The subscription's locations; null when not read (every region asked for is offered).</param>
        public AvailableRegions(IEnumerable<RegionState>? subscriptionLocations, IEnumerable<string> resourceTypeLocations, string resourceType)
        {
            var offered = new HashSet<string>(resourceTypeLocations, StringComparer.Ordinal);
            SubscriptionLocations = subscriptionLocations == null ? null : new HashSet<string>(subscriptionLocations.Select(l => l.Name), StringComparer.Ordinal);
            _regions = SubscriptionLocations == null ? offered : new HashSet<string>(offered.Where(SubscriptionLocations.Contains), StringComparer.Ordinal);
            ResourceType = resourceType;
        }

        /// <summary>The resource type the regions were read for (Microsoft.Compute/galleries/images/versions).</summary>
        public string ResourceType { get; }

        /// <summary>The subscription's location names; null when they were not read.</summary>
        public HashSet<string>? SubscriptionLocations { get; }

        public bool Contains(string normalizedName) => _regions.Contains(normalizedName);

        /// <summary>Why a region is not available and the closest valid names: "is not offered for …" or "is not a location of this subscription (closest valid names: …)".</summary>
        public string WhyNot(string name)
        {
            var why = SubscriptionLocations?.Contains(name) != false ? $"is not offered for {ResourceType}" : "is not a location of this subscription";
            var closest = Closest(name);
            return why + (closest.Count > 0 ? $" (closest valid names: {string.Join(", ", closest)})" : "");
        }

        /// <summary>Up to three valid names closest to a bad one (edit distance, then a shared start), best first.</summary>
        public IReadOnlyList<string> Closest(string badName)
        {
            var bad = RegionNames.Normalize(badName);
            return _regions
                .Select(name => (name, distance: Distance(bad, name), prefix: CommonPrefix(bad, name)))
                .Where(c => c.distance <= Math.Max(3, bad.Length / 3) || c.prefix >= 4)
                .OrderBy(c => c.distance).ThenByDescending(c => c.prefix).ThenBy(c => c.name, StringComparer.Ordinal)
                .Take(3).Select(c => c.name).ToList();
        }

        private static int CommonPrefix(string a, string b)
        {
            var n = 0;
            while (n < a.Length && n < b.Length && a[n] == b[n])
                n++;
            return n;
        }

        /// <summary>Levenshtein distance.</summary>
        private static int Distance(string a, string b)
        {
            var previous = Enumerable.Range(0, b.Length + 1).ToArray();
            for (var i = 1; i <= a.Length; i++)
            {
                var current = new int[b.Length + 1];
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = current;
            }
            return previous[b.Length];
        }
    }
}
