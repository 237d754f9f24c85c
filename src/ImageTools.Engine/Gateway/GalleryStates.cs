using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ImageTools.Engine.Gateway
{
    // Plain records of Azure Compute Gallery state (galleries, image definitions, image
    // versions) and the gateway that reads and writes them. Nothing here is an SDK type.

    /// <summary>What Publish-GalleryVersion asks of Azure about galleries. Reads of a missing resource return null.</summary>
    internal interface IGalleryGateway
    {
        Task<GalleryState?> GetGalleryAsync(string galleryId, CancellationToken ct);
        Task<GalleryState> CreateGalleryAsync(GallerySpec spec, CancellationToken ct);

        Task<GalleryDefinitionState?> GetDefinitionAsync(string definitionId, CancellationToken ct);
        Task<GalleryDefinitionState> CreateDefinitionAsync(GalleryDefinitionSpec spec, CancellationToken ct);

        /// <summary>Every version of a definition (empty when the definition or gallery does not exist).</summary>
        Task<IReadOnlyList<GalleryVersionState>> ListVersionsAsync(string definitionId, CancellationToken ct);

        /// <summary>One GET; with <paramref name="replicationStatus"/> it adds $expand=ReplicationStatus.</summary>
        Task<GalleryVersionState?> GetVersionAsync(string versionId, bool replicationStatus, CancellationToken ct);

        /// <summary>
        /// PUTs the version. With <paramref name="waitForProvisioning"/> it returns once the
        /// long-running operation finished (provisioningState Succeeded; replication may still
        /// run); otherwise once ARM accepted the request.
        /// </summary>
        Task<GalleryVersionState> CreateVersionAsync(GalleryVersionSpec spec, bool waitForProvisioning, CancellationToken ct);
    }

    /// <summary>Ids of galleries and their children, built and read without the SDK.</summary>
    internal static class GalleryIds
    {
        public const string Galleries = "Microsoft.Compute/galleries";

        public static string Gallery(string subscriptionId, string resourceGroupName, string gallery) =>
            ArmId.Format(subscriptionId, resourceGroupName, Galleries, gallery);

        public static string Definition(string galleryId, string definition) => $"{galleryId}/images/{definition}";

        public static string Version(string definitionId, string version) => $"{definitionId}/versions/{version}";

        /// <summary>Reads /subscriptions/s/resourceGroups/g/providers/Microsoft.Compute/galleries/x/images/y/versions/z.</summary>
        public static bool TryParseVersion(string? id, out string subscriptionId, out string resourceGroupName, out string gallery, out string definition, out string version)
        {
            subscriptionId = resourceGroupName = gallery = definition = version = "";
            if (string.IsNullOrWhiteSpace(id))
                return false;
            var p = id!.Trim().Trim('/').Split('/');
            if (p.Length != 12 || !Is(p[0], "subscriptions") || !Is(p[2], "resourceGroups") || !Is(p[4], "providers") ||
                !Is(p[5], "Microsoft.Compute") || !Is(p[6], "galleries") || !Is(p[8], "images") || !Is(p[10], "versions") ||
                Array.Exists(p, s => s.Length == 0))
                return false;
            subscriptionId = p[1];
            resourceGroupName = p[3];
            gallery = p[7];
            definition = p[9];
            version = p[11];
            return true;
        }

        /// <summary>/subscriptions/s/resourceGroups/g/providers/Microsoft.Compute/galleries/x/images/y</summary>
        public static bool IsDefinitionId(string? id)
        {
            if (string.IsNullOrWhiteSpace(id))
                return false;
            var p = id!.Trim('/').Split('/');
            return p.Length == 10 && Is(p[6], "galleries") && Is(p[8], "images") && Is(p[5], "Microsoft.Compute");
        }

        public static bool IsGalleryVersionId(string? id) => TryParseVersion(id, out _, out _, out _, out _, out _);

        /// <summary>The definition id of a version id.</summary>
        public static string DefinitionOf(string versionId)
        {
            var trimmed = versionId.TrimEnd('/');
            var index = trimmed.LastIndexOf("/versions/", StringComparison.OrdinalIgnoreCase);
            return index < 0 ? trimmed : trimmed.Substring(0, index);
        }

        private static bool Is(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A Compute Gallery.</summary>
    internal sealed class GalleryState
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public string Location { get; set; } = "";
        public string ProvisioningState { get; set; } = "";
    }

    /// <summary>A gallery image definition.</summary>
    internal sealed class GalleryDefinitionState
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public string Location { get; set; } = "";
        public string ProvisioningState { get; set; } = "";
        /// <summary>Windows or Linux.</summary>
        public string OsType { get; set; } = "";
        /// <summary>Generalized or Specialized.</summary>
        public string OsState { get; set; } = "";
        /// <summary>V1 or V2.</summary>
        public string HyperVGeneration { get; set; } = "";
        /// <summary>The SecurityType feature (TrustedLaunch, ConfidentialVM, TrustedLaunchSupported...); Standard when absent.</summary>
        public string SecurityType { get; set; } = "Standard";
        public string Publisher { get; set; } = "";
        public string Offer { get; set; } = "";
        public string Sku { get; set; } = "";
    }

    /// <summary>One target region of a version, as requested and as replication reports it.</summary>
    internal sealed class GalleryRegionState
    {
        public string Name { get; set; } = "";
        public int ReplicaCount { get; set; }
        public string StorageAccountType { get; set; } = "";
        public bool ExcludeFromLatest { get; set; }
        /// <summary>Unknown, Replicating, Completed or Failed; empty when replication status was not read.</summary>
        public string State { get; set; } = "";
        public int Progress { get; set; }
        public string Details { get; set; } = "";
    }

    /// <summary>A gallery image version.</summary>
    internal sealed class GalleryVersionState
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public string Location { get; set; } = "";
        public Dictionary<string, string> Tags { get; set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        public string ProvisioningState { get; set; } = "";
        /// <summary>storageProfile.source.id, else the OS disk image's source id.</summary>
        public string SourceId { get; set; } = "";
        public bool ExcludeFromLatest { get; set; }
        public DateTimeOffset? EndOfLifeDate { get; set; }
        public DateTimeOffset? PublishedDate { get; set; }
        /// <summary>Unknown, InProgress, Completed or Failed; empty when replication status was not read.</summary>
        public string ReplicationState { get; set; } = "";
        public List<GalleryRegionState> Regions { get; set; } = new List<GalleryRegionState>();
    }

    internal sealed class GallerySpec
    {
        public string SubscriptionId { get; set; } = "";
        public string ResourceGroupName { get; set; } = "";
        public string Name { get; set; } = "";
        public string Location { get; set; } = "";
        public Dictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();
    }

    internal sealed class GalleryDefinitionSpec
    {
        public string GalleryId { get; set; } = "";
        public string Name { get; set; } = "";
        public string Location { get; set; } = "";
        public string OsType { get; set; } = "";
        public string OsState { get; set; } = "";
        public string HyperVGeneration { get; set; } = "";
        public string SecurityType { get; set; } = "Standard";
        public string Publisher { get; set; } = "";
        public string Offer { get; set; } = "";
        public string Sku { get; set; } = "";
        public Dictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();
    }

    internal sealed class GalleryVersionSpec
    {
        public string DefinitionId { get; set; } = "";
        public string Name { get; set; } = "";
        public string Location { get; set; } = "";
        /// <summary>A managed image, VM or gallery version id (storageProfile.source).</summary>
        public string SourceId { get; set; } = "";
        /// <summary>True for a managed disk or snapshot: it goes in as the OS disk image's source.</summary>
        public bool SourceIsDisk { get; set; }
        public List<GalleryRegionState> TargetRegions { get; set; } = new List<GalleryRegionState>();
        public bool ExcludeFromLatest { get; set; }
        public DateTimeOffset? EndOfLifeDate { get; set; }
        public Dictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();
    }
}
