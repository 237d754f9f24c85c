using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ImageTools.Engine.Connection;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Catalog
{
    /// <summary>
    /// Listings over a connection: resource groups, locations, galleries, image definitions and
    /// image versions, sorted by name. What tab completion offers; reads only.
    /// </summary>
    public sealed class ResourceCatalog
    {
        private readonly CatalogGateway _gateway;
        private readonly EngineSession _session;

        internal ResourceCatalog(EngineSession session)
        {
            _session = session;
            _gateway = session.Gateways.Catalog;
        }

        /// <summary>The catalog over the session's connection, or null when the session is not connected.</summary>
        public static ResourceCatalog? ForSession()
        {
            var session = EngineSession.Current;
            return session == null ? null : new ResourceCatalog(session);
        }

        /// <summary>Distinguishes connections in caches: the endpoint and the session's subscription.</summary>
        public string ConnectionKey => _session.Info.ResourceManagerUrl + "|" + _session.Info.SubscriptionId;

        public async Task<IReadOnlyList<CatalogEntry>> ResourceGroupsAsync(string? subscriptionId, CancellationToken ct) =>
            Sorted(await _gateway.ListResourceGroupsAsync(Subscription(subscriptionId), ct).ConfigureAwait(false));

        /// <summary>The subscription's locations, from the session's location gateway (read once per session, as the operations read them).</summary>
        public async Task<IReadOnlyList<CatalogEntry>> LocationsAsync(string? subscriptionId, CancellationToken ct)
        {
            var subscription = Subscription(subscriptionId);
            var locations = await _session.Gateways.Locations.ListLocationsAsync(subscription, ct).ConfigureAwait(false);
            return Sorted(locations.Select(l => new CatalogEntry(l.Name, $"/subscriptions/{subscription}/locations/{l.Name}", "", l.Name, l.DisplayName)));
        }

        /// <summary>The galleries of a resource group, or of the whole subscription when none is given.</summary>
        public async Task<IReadOnlyList<CatalogEntry>> GalleriesAsync(string? subscriptionId, string? resourceGroupName, CancellationToken ct) =>
            Sorted(await _gateway.ListGalleriesAsync(Subscription(subscriptionId), Blank(resourceGroupName), ct).ConfigureAwait(false));

        /// <summary>The scale sets of a resource group, or of the whole subscription when none is given; none when the group does not exist.</summary>
        public async Task<IReadOnlyList<CatalogEntry>> ScaleSetsAsync(string? subscriptionId, string? resourceGroupName, CancellationToken ct)
        {
            try
            {
                return Sorted(await _gateway.ListScaleSetsAsync(Subscription(subscriptionId), Blank(resourceGroupName), ct).ConfigureAwait(false));
            }
            catch (ImageToolsException e) when (e.Category == FailureCategory.ObjectNotFound)
            {
                return Array.Empty<CatalogEntry>();
            }
        }

        /// <summary>
        /// The image definitions of a gallery. Without a resource group, the gallery is looked up
        /// by name in the subscription; an unknown gallery has no definitions (empty, no error).
        /// </summary>
        public async Task<IReadOnlyList<CatalogEntry>> DefinitionsAsync(string? subscriptionId, string galleryName, string? resourceGroupName,
            CancellationToken ct)
        {
            var gallery = await FindGalleryAsync(subscriptionId, galleryName, resourceGroupName, ct).ConfigureAwait(false);
            if (gallery == null)
                return Array.Empty<CatalogEntry>();
            return Sorted(await _gateway.ListDefinitionsAsync(ArmId.Parse(gallery.Id), ct).ConfigureAwait(false));
        }

        /// <summary>The versions of an image definition, highest first; none when the gallery or definition does not exist.</summary>
        public async Task<IReadOnlyList<CatalogEntry>> VersionsAsync(string? subscriptionId, string galleryName, string definitionName,
            string? resourceGroupName, CancellationToken ct)
        {
            var gallery = await FindGalleryAsync(subscriptionId, galleryName, resourceGroupName, ct).ConfigureAwait(false);
            if (gallery == null)
                return Array.Empty<CatalogEntry>();
            var definitions = await _gateway.ListDefinitionsAsync(ArmId.Parse(gallery.Id), ct).ConfigureAwait(false);
            var definition = definitions.FirstOrDefault(d => string.Equals(d.Name, definitionName, StringComparison.OrdinalIgnoreCase));
            if (definition == null)
                return Array.Empty<CatalogEntry>();
            var versions = await _gateway.ListVersionsAsync(ArmId.Parse(definition.Id), ct).ConfigureAwait(false);
            return versions.OrderByDescending(v => VersionKey(v.Name)).ThenBy(v => v.Name, StringComparer.OrdinalIgnoreCase).ToList();
        }

        private async Task<CatalogEntry?> FindGalleryAsync(string? subscriptionId, string galleryName, string? resourceGroupName, CancellationToken ct)
        {
            if (string.IsNullOrWhiteSpace(galleryName))
                return null;
            IReadOnlyList<CatalogEntry> galleries;
            try
            {
                galleries = await GalleriesAsync(subscriptionId, resourceGroupName, ct).ConfigureAwait(false);
            }
            catch (ImageToolsException e) when (e.Category == FailureCategory.ObjectNotFound)
            {
                return null; // the resource group does not exist
            }
            return galleries.FirstOrDefault(g => string.Equals(g.Name, galleryName.Trim(), StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>Major.Minor.Patch as a sortable key; names that are not versions sort last.</summary>
        internal static Tuple<long, long, long> VersionKey(string name)
        {
            var parts = name.Split('.');
            if (parts.Length == 3 && long.TryParse(parts[0], out long a) && long.TryParse(parts[1], out long b) && long.TryParse(parts[2], out long c))
                return Tuple.Create(a, b, c);
            return Tuple.Create(-1L, -1L, -1L);
        }

        private string Subscription(string? requested) => _session.SubscriptionFor(requested);

        private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();

        private static IReadOnlyList<CatalogEntry> Sorted(IEnumerable<CatalogEntry> entries) =>
            entries.OrderBy(e => e.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }
}
