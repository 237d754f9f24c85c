using System;
using System.Collections.Generic;
using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Validation;

namespace ImageTools.Engine.Operations.GalleryVersions
{
    /// <summary>
    /// What a definition's `latest` resolves to, as ARM resolves it when a VM or scale set names the
    /// definition: per region, the highest version number that is not excluded from latest (for the
    /// whole version or for that region), whose provisioningState is Succeeded and whose replica in
    /// that region is Completed.
    /// </summary>
    internal static class LatestResolution
    {
        /// <summary>The version `latest` resolves to in <paramref name="region"/>, or null.</summary>
        public static GalleryVersionState? In(IEnumerable<GalleryVersionState> versions, string region) =>
            versions.Where(v => Eligible(v, region))
                .Select(v => (Version: v, Ok: GalleryVersionNumber.TryParse(v.Name, out var number), Number: number))
                .Where(x => x.Ok)
                .OrderByDescending(x => x.Number)
                .Select(x => x.Version)
                .FirstOrDefault();

        /// <summary>Version name → the regions (of all the versions' target regions) where `latest` resolves to it.</summary>
        public static IReadOnlyDictionary<string, IReadOnlyList<string>> RegionsPerVersion(IReadOnlyList<GalleryVersionState> versions)
        {
            var regions = versions.SelectMany(v => v.Regions.Select(r => RegionNames.Normalize(r.Name))).Distinct().OrderBy(r => r, StringComparer.Ordinal);
            var result = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
            foreach (var region in regions)
            {
                var latest = In(versions, region);
                if (latest == null)
                    continue;
                if (!result.TryGetValue(latest.Name, out var list))
                    result[latest.Name] = list = new List<string>();
                list.Add(region);
            }
            return result.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.OrdinalIgnoreCase);
        }

        private static bool Eligible(GalleryVersionState version, string region)
        {
            if (version.ExcludeFromLatest || !string.Equals(version.ProvisioningState, "Succeeded", StringComparison.OrdinalIgnoreCase))
                return false;
            var target = version.Regions.FirstOrDefault(r => RegionNames.Same(r.Name, region));
            return target != null && !target.ExcludeFromLatest && string.Equals(target.State, "Completed", StringComparison.OrdinalIgnoreCase);
        }
    }
}
