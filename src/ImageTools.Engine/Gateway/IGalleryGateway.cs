using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ImageTools.Engine.Gateway
{
    /// <summary>What Publish-GalleryVersion asks of Azure about galleries. Reads of a missing resource return null.</summary>
    internal interface IGalleryGateway
    {
        Task<GalleryState?> GetGalleryAsync(ArmId galleryId, CancellationToken ct);

        /// <summary>The same GET, telling a missing resource group (404 ResourceGroupNotFound) from a missing gallery.</summary>
        Task<GalleryRead> ReadGalleryAsync(ArmId galleryId, CancellationToken ct);
        Task<GalleryState> CreateGalleryAsync(GallerySpec spec, CancellationToken ct);

        Task<GalleryDefinitionState?> GetDefinitionAsync(ArmId definitionId, CancellationToken ct);
        Task<GalleryDefinitionState> CreateDefinitionAsync(GalleryDefinitionSpec spec, CancellationToken ct);

        /// <summary>The image definitions of a gallery (one list): whether a definition exists, and which publisher/offer/SKU triples are taken.</summary>
        Task<IReadOnlyList<GalleryDefinitionState>> ListDefinitionsAsync(ArmId galleryId, CancellationToken ct);

        /// <summary>Every version of a definition (empty when the definition or gallery does not exist).</summary>
        Task<IReadOnlyList<GalleryVersionState>> ListVersionsAsync(ArmId definitionId, CancellationToken ct);

        /// <summary>One GET; with <paramref name="replicationStatus"/> it adds $expand=ReplicationStatus.</summary>
        Task<GalleryVersionState?> GetVersionAsync(ArmId versionId, bool replicationStatus, CancellationToken ct);

        /// <summary>
        /// PUTs the version. With <paramref name="waitForProvisioning"/> it returns once the
        /// long-running operation finished (provisioningState Succeeded; replication may still
        /// run); otherwise once ARM accepted the request.
        /// </summary>
        Task<GalleryVersionState> CreateVersionAsync(GalleryVersionSpec spec, bool waitForProvisioning, CancellationToken ct);
    }
}
