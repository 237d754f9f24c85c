using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using Azure.ResourceManager;

namespace ImageTools.Engine.Gateway
{
    /// <summary><see cref="ILocationGateway"/> over Azure.ResourceManager's subscription and provider reads.</summary>
    internal sealed class LocationGateway : ArmGateway, ILocationGateway
    {
        public LocationGateway(ArmClient client, DelayStrategy? polling) : base(client, polling)
        {
        }

        public Task<IReadOnlyList<RegionState>> ListLocationsAsync(string subscriptionId, CancellationToken ct) =>
            Call("list the locations of subscription", subscriptionId, async () =>
            {
                var regions = new List<RegionState>();
                await foreach (var location in Subscription(subscriptionId).GetLocationsAsync(cancellationToken: ct).ConfigureAwait(false))
                    regions.Add(new RegionState { Name = RegionNames.Normalize(location.Name), DisplayName = location.DisplayName ?? location.Name });
                return (IReadOnlyList<RegionState>)regions;
            });

        public Task<IReadOnlyList<string>> ListResourceTypeLocationsAsync(string subscriptionId, string providerNamespace, string resourceType, CancellationToken ct) =>
            Call("read resource provider", providerNamespace, async () =>
            {
                var provider = (await Subscription(subscriptionId).GetResourceProviderAsync(providerNamespace, cancellationToken: ct).ConfigureAwait(false)).Value.Data;
                var type = provider.ResourceTypes.FirstOrDefault(t => string.Equals(t.ResourceType, resourceType, StringComparison.OrdinalIgnoreCase));
                return (IReadOnlyList<string>)(type?.Locations.Select(RegionNames.Normalize).Where(n => n.Length > 0).Distinct().ToList() ?? new List<string>());
            });
    }
}
