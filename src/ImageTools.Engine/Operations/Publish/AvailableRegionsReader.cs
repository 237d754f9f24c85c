using System;
using System.Threading.Tasks;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Rules.Publish;

namespace ImageTools.Engine.Operations.Publish
{
    /// <summary>Reads where a gallery image version can be placed: two GETs, before any write.</summary>
    internal static class AvailableRegionsReader
    {
        public const string ProviderNamespace = "Microsoft.Compute";
        public const string VersionResourceType = "galleries/images/versions";

        public static async Task<AvailableRegions> ReadAsync(OperationRun run, ILocationGateway locations, string subscriptionId, TimeSpan timeout)
        {
            var subscriptionLocations = await run.StepAsync("listing the subscription's locations", timeout,
                ct => locations.ListLocationsAsync(subscriptionId, ct)).ConfigureAwait(false);
            var offered = await run.StepAsync("reading where gallery image versions are offered", timeout,
                ct => locations.ListResourceTypeLocationsAsync(subscriptionId, ProviderNamespace, VersionResourceType, ct)).ConfigureAwait(false);
            return new AvailableRegions(subscriptionLocations, offered, $"{ProviderNamespace}/{VersionResourceType}");
        }
    }
}
