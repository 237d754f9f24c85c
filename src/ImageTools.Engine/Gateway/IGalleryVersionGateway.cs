using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ImageTools.Engine.Gateway
{
    /// <summary>
    /// What the gallery version cmdlets ask of Azure besides <see cref="IGalleryGateway"/>'s reads:
    /// a version's PATCH and DELETE, the subscription's machines and their image references, and
    /// the subscription's locations.
    /// </summary>
    internal interface IGalleryVersionGateway
    {
        /// <summary>
        /// PATCHes the version's publishing profile (only what <paramref name="update"/> sets). With
        /// <paramref name="waitForProvisioning"/> it returns once the long-running operation finished
        /// (provisioningState Succeeded; replication of added regions may still run).
        /// </summary>
        Task UpdateVersionAsync(ArmId versionId, GalleryVersionUpdate update, bool waitForProvisioning, CancellationToken ct);

        /// <summary>Deletes the version and waits until it is gone.</summary>
        Task DeleteVersionAsync(ArmId versionId, CancellationToken ct);

        /// <summary>
        /// Every VM and scale set of the subscription with the image its storageProfile.imageReference
        /// names (a scale set's model, and each instance of a Uniform scale set).
        /// </summary>
        Task<IReadOnlyList<ImageConsumerState>> ListImageConsumersAsync(string subscriptionId, CancellationToken ct);
    }
}
