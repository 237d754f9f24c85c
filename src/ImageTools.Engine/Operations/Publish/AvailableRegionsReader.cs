using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Rules.Publish;

namespace ImageTools.Engine.Operations.Publish
{
    /// <summary>
    /// Reads where a gallery image version can be placed, before any write: the provider's locations of the
    /// resource type (one GET), and the subscription's locations only when a region asked for is not among them
    /// (to say why). The session keeps both answers, so a later publish reads neither again.
    /// </summary>
    internal static class AvailableRegionsReader
    {
        public const string ProviderNamespace = "Microsoft.Compute";
        public const string VersionResourceType = "galleries/images/versions";

        /// <param name="wanted">The normalised regions asked for (target regions and the gallery's location).</param>
        public static async Task<AvailableRegions> ReadAsync(OperationRun run, ILocationGateway locations, string subscriptionId, IEnumerable<string> wanted, TimeSpan timeout)
        {
            var offered = await run.StepAsync("reading where gallery image versions are offered", timeout,
                ct => locations.ListResourceTypeLocationsAsync(subscriptionId, ProviderNamespace, VersionResourceType, ct)).ConfigureAwait(false);
            var resourceType = $"{ProviderNamespace}/{VersionResourceType}";
            if (wanted.Where(n => n.Length > 0).All(n => offered.Contains(n, StringComparer.Ordinal)))
                return new AvailableRegions(null, offered, resourceType);
            var subscriptionLocations = await run.StepAsync("listing the subscription's locations", timeout,
                ct => locations.ListLocationsAsync(subscriptionId, ct)).ConfigureAwait(false);
            return new AvailableRegions(subscriptionLocations, offered, resourceType);
        }
    }
}
