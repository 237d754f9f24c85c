using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ImageTools.Engine.Gateway
{
    /// <summary>
    /// Where a subscription can put resources: its locations, and the locations a resource type is offered in.
    /// Both answers are kept for the session once read (regions do not come and go within one session), so
    /// later commands of the session do not read them again.
    /// </summary>
    internal interface ILocationGateway
    {
        /// <summary>The subscription's locations (GET /subscriptions/{id}/locations), as normalised names with their display names.</summary>
        Task<IReadOnlyList<RegionState>> ListLocationsAsync(string subscriptionId, CancellationToken ct);

        /// <summary>
        /// The locations a resource provider offers a resource type in (GET /subscriptions/{id}/providers/{namespace}),
        /// normalised; empty when the provider does not list the type.
        /// </summary>
        Task<IReadOnlyList<string>> ListResourceTypeLocationsAsync(string subscriptionId, string providerNamespace, string resourceType, CancellationToken ct);
    }
}
