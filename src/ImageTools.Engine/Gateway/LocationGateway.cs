using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using Azure.ResourceManager;

namespace ImageTools.Engine.Gateway
{
    /// <summary>
    /// <see cref="ILocationGateway"/> over Azure.ResourceManager's subscription and provider reads; each answer
    /// that was read successfully is kept for the session (a failed read is not kept and is tried again).
    /// </summary>
    internal sealed class LocationGateway : ArmGateway, ILocationGateway
    {
        private readonly SessionMemo<IReadOnlyList<RegionState>> _locations = new SessionMemo<IReadOnlyList<RegionState>>();
        private readonly SessionMemo<IReadOnlyList<string>> _typeLocations = new SessionMemo<IReadOnlyList<string>>();

        public LocationGateway(ArmClient client, DelayStrategy? polling) : base(client, polling)
        {
        }

        public Task<IReadOnlyList<RegionState>> ListLocationsAsync(string subscriptionId, CancellationToken ct) =>
            _locations.GetAsync(subscriptionId, () => ReadLocationsAsync(subscriptionId, ct));

        public Task<IReadOnlyList<string>> ListResourceTypeLocationsAsync(string subscriptionId, string providerNamespace, string resourceType, CancellationToken ct) =>
            _typeLocations.GetAsync(subscriptionId + "|" + providerNamespace + "|" + resourceType, () => ReadTypeLocationsAsync(subscriptionId, providerNamespace, resourceType, ct));

        private Task<IReadOnlyList<RegionState>> ReadLocationsAsync(string subscriptionId, CancellationToken ct) =>
            Call("list the locations of subscription", subscriptionId, async () =>
            {
                var regions = new List<RegionState>();
                await foreach (var location in Subscription(subscriptionId).GetLocationsAsync(cancellationToken: ct).ConfigureAwait(false))
                    regions.Add(new RegionState { Name = RegionNames.Normalize(location.Name), DisplayName = location.DisplayName ?? location.Name });
                return (IReadOnlyList<RegionState>)regions;
            });

        private Task<IReadOnlyList<string>> ReadTypeLocationsAsync(string subscriptionId, string providerNamespace, string resourceType, CancellationToken ct) =>
            Call("read resource provider", providerNamespace, async () =>
            {
                var provider = (await Subscription(subscriptionId).GetResourceProviderAsync(providerNamespace, cancellationToken: ct).ConfigureAwait(false)).Value.Data;
                var type = provider.ResourceTypes.FirstOrDefault(t => string.Equals(t.ResourceType, resourceType, StringComparison.OrdinalIgnoreCase));
                return (IReadOnlyList<string>)(type?.Locations.Select(RegionNames.Normalize).Where(n => n.Length > 0).Distinct().ToList() ?? new List<string>());
            });
    }
}
