using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using Azure.ResourceManager;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;
using Azure.ResourceManager.Resources;

namespace ImageTools.Engine.Gateway
{
    /// <summary>
    /// <see cref="IGalleryGateway"/> over Azure.ResourceManager.Compute (galleries api-version
    /// 2022-03-03). Writes start with WaitUntil.Started and complete through WaitForCompletion
    /// with the session's polling DelayStrategy; request retries are the pipeline's. Failures
    /// become <see cref="AzureRequestException"/> through <see cref="ArmErrors"/>.
    /// </summary>
    internal sealed class GalleryGateway : ArmGateway, IGalleryGateway
    {
        private const string SecurityFeature = "SecurityType";
        public GalleryGateway(ArmClient client, DelayStrategy? polling)
            : base(client, polling)
        {
        }

        public Task<GalleryState?> GetGalleryAsync(ArmId galleryId, CancellationToken ct) =>
            CallOrNull("read gallery", galleryId, async () =>
                ToGallery((await Client.GetGalleryResource(Sdk(galleryId)).GetAsync(null, null, ct).ConfigureAwait(false)).Value.Data));

        public Task<GalleryRead> ReadGalleryAsync(ArmId galleryId, CancellationToken ct) =>
            Call("read gallery", galleryId, async () =>
            {
                try
                {
                    return new GalleryRead(ToGallery((await Client.GetGalleryResource(Sdk(galleryId)).GetAsync(null, null, ct).ConfigureAwait(false)).Value.Data), true);
                }
                catch (RequestFailedException e) when (e.Status == 404)
                {
                    return new GalleryRead(null, !string.Equals(e.ErrorCode, "ResourceGroupNotFound", StringComparison.OrdinalIgnoreCase));
                }
            });

        public Task<GalleryState> CreateGalleryAsync(GallerySpec spec, CancellationToken ct)
        {
            var id = GalleryIds.Gallery(spec.SubscriptionId, spec.ResourceGroupName, spec.Name);
            return Call("create gallery", id, async () =>
            {
                var data = new GalleryData(new AzureLocation(spec.Location));
                foreach (var tag in spec.Tags)
                    data.Tags[tag.Key] = tag.Value;
                var group = ResourceGroup(spec.SubscriptionId, spec.ResourceGroupName);
                var operation = await group.GetGalleries().CreateOrUpdateAsync(WaitUntil.Started, spec.Name, data, ct).ConfigureAwait(false);
                var result = await CompleteAsync(operation, ct).ConfigureAwait(false);
                return ToGallery(result.Data);
            });
        }

        public Task<GalleryDefinitionState?> GetDefinitionAsync(ArmId definitionId, CancellationToken ct) =>
            CallOrNull("read gallery image definition", definitionId, async () =>
                ToDefinition((await Client.GetGalleryImageResource(Sdk(definitionId)).GetAsync(ct).ConfigureAwait(false)).Value.Data));

        public Task<IReadOnlyList<GalleryDefinitionState>> ListDefinitionsAsync(ArmId galleryId, CancellationToken ct) =>
            Call("list the image definitions of gallery", galleryId, async () =>
            {
                var list = new List<GalleryDefinitionState>();
                await foreach (var definition in Client.GetGalleryResource(Sdk(galleryId)).GetGalleryImages().GetAllAsync(ct).ConfigureAwait(false))
                    list.Add(ToDefinition(definition.Data));
                return (IReadOnlyList<GalleryDefinitionState>)list;
            });

        public Task<GalleryDefinitionState> CreateDefinitionAsync(GalleryDefinitionSpec spec, CancellationToken ct)
        {
            var id = GalleryIds.Definition(spec.GalleryId, spec.Name);
            return Call("create gallery image definition", id, async () =>
            {
                var data = new GalleryImageData(new AzureLocation(spec.Location))
                {
                    OSType = string.Equals(spec.OsType, "Linux", StringComparison.OrdinalIgnoreCase)
                        ? SupportedOperatingSystemType.Linux : SupportedOperatingSystemType.Windows,
                    OSState = string.Equals(spec.OsState, "Specialized", StringComparison.OrdinalIgnoreCase)
                        ? OperatingSystemStateType.Specialized : OperatingSystemStateType.Generalized,
                    HyperVGeneration = new HyperVGeneration(spec.HyperVGeneration),
                    Identifier = new GalleryImageIdentifier(spec.Publisher, spec.Offer, spec.Sku),
                };
                if (!string.Equals(spec.SecurityType, "Standard", StringComparison.OrdinalIgnoreCase) && spec.SecurityType.Length > 0)
                    data.Features.Add(new GalleryImageFeature { Name = SecurityFeature, Value = spec.SecurityType });
                foreach (var tag in spec.Tags)
                    data.Tags[tag.Key] = tag.Value;
                var gallery = Client.GetGalleryResource(Sdk(spec.GalleryId));
                var operation = await gallery.GetGalleryImages().CreateOrUpdateAsync(WaitUntil.Started, spec.Name, data, ct).ConfigureAwait(false);
                var result = await CompleteAsync(operation, ct).ConfigureAwait(false);
                return ToDefinition(result.Data);
            });
        }

        public async Task<IReadOnlyList<GalleryVersionState>> ListVersionsAsync(ArmId definitionId, CancellationToken ct) =>
            await CallOrNull("list gallery image versions", definitionId, async () =>
            {
                var versions = new List<GalleryVersionState>();
                var definition = Client.GetGalleryImageResource(Sdk(definitionId));
                await foreach (var version in definition.GetGalleryImageVersions().GetAllAsync(ct).ConfigureAwait(false))
                    versions.Add(ToVersion(version.Data));
                return (IReadOnlyList<GalleryVersionState>)versions;
            }).ConfigureAwait(false) ?? Array.Empty<GalleryVersionState>();

        public Task<GalleryVersionState?> GetVersionAsync(ArmId versionId, bool replicationStatus, CancellationToken ct) =>
            CallOrNull("read gallery image version", versionId, async () =>
            {
                var resource = Client.GetGalleryImageVersionResource(Sdk(versionId));
                var response = await resource.GetAsync(replicationStatus ? ReplicationStatusType.ReplicationStatus : (ReplicationStatusType?)null, ct).ConfigureAwait(false);
                return ToVersion(response.Value.Data);
            });

        public Task<GalleryVersionState> CreateVersionAsync(GalleryVersionSpec spec, bool waitForProvisioning, CancellationToken ct)
        {
            var id = GalleryIds.Version(spec.DefinitionId, spec.Name);
            return Call("create gallery image version", id, async () =>
            {
                var profile = new GalleryImageVersionPublishingProfile
                {
                    IsExcludedFromLatest = spec.ExcludeFromLatest,
                    EndOfLifeOn = spec.EndOfLifeDate,
                };
                foreach (var region in spec.TargetRegions)
                {
                    var target = new TargetRegion(region.Name) { RegionalReplicaCount = region.ReplicaCount };
                    if (region.StorageAccountType.Length > 0)
                        target.StorageAccountType = new ImageStorageAccountType(region.StorageAccountType);
                    if (region.ExcludeFromLatest)
                        target.IsExcludedFromLatest = true;
                    profile.TargetRegions.Add(target);
                }
                var storage = new GalleryImageVersionStorageProfile();
                if (spec.SourceIsDisk)
                    storage.OSDiskImage = new GalleryOSDiskImage { GallerySource = new GalleryDiskImageSource { Id = Sdk(spec.SourceId) } };
                else
                    storage.GallerySource = new GalleryArtifactVersionFullSource { Id = Sdk(spec.SourceId) };
                var data = new GalleryImageVersionData(new AzureLocation(spec.Location))
                {
                    PublishingProfile = profile,
                    StorageProfile = storage,
                };
                foreach (var tag in spec.Tags)
                    data.Tags[tag.Key] = tag.Value;
                var definition = Client.GetGalleryImageResource(Sdk(spec.DefinitionId));
                var operation = await definition.GetGalleryImageVersions().CreateOrUpdateAsync(WaitUntil.Started, spec.Name, data, ct).ConfigureAwait(false);
                if (!waitForProvisioning)
                    return operation.HasValue ? ToVersion(operation.Value.Data) : new GalleryVersionState { Id = id, Name = spec.Name, Location = spec.Location };
                var result = await CompleteAsync(operation, ct).ConfigureAwait(false);
                return ToVersion(result.Data);
            });
        }

        // ---- mapping ----

        private static GalleryState ToGallery(GalleryData data) => new GalleryState
        {
            Id = SdkIds.FromSdk(data.Id),
            Name = data.Name,
            Location = data.Location.Name,
            ProvisioningState = data.ProvisioningState?.ToString() ?? "",
        };

        private static GalleryDefinitionState ToDefinition(GalleryImageData data) => new GalleryDefinitionState
        {
            Id = SdkIds.FromSdk(data.Id),
            Name = data.Name,
            Location = data.Location.Name,
            ProvisioningState = data.ProvisioningState?.ToString() ?? "",
            OsType = data.OSType?.ToString() ?? "",
            OsState = data.OSState?.ToString() ?? "",
            HyperVGeneration = data.HyperVGeneration?.ToString() ?? "V1",
            SecurityType = data.Features?.FirstOrDefault(f => string.Equals(f.Name, SecurityFeature, StringComparison.OrdinalIgnoreCase))?.Value ?? "Standard",
            Publisher = data.Identifier?.Publisher ?? "",
            Offer = data.Identifier?.Offer ?? "",
            Sku = data.Identifier?.Sku ?? "",
        };

        private static GalleryVersionState ToVersion(GalleryImageVersionData data)
        {
            var profile = data.PublishingProfile;
            var status = data.ReplicationStatus;
            var version = new GalleryVersionState
            {
                Id = SdkIds.FromSdk(data.Id),
                Name = data.Name,
                Location = data.Location.Name,
                Tags = new Dictionary<string, string>(data.Tags ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase),
                ProvisioningState = data.ProvisioningState?.ToString() ?? "",
                SourceId = data.StorageProfile?.GallerySource?.Id?.ToString()
                           ?? data.StorageProfile?.OSDiskImage?.GallerySource?.Id?.ToString() ?? "",
                ExcludeFromLatest = profile?.IsExcludedFromLatest ?? false,
                EndOfLifeDate = profile?.EndOfLifeOn,
                PublishedDate = profile?.PublishedOn,
                ReplicationState = status?.AggregatedState?.ToString() ?? "",
            };
            foreach (var target in profile?.TargetRegions ?? (IList<TargetRegion>)Array.Empty<TargetRegion>())
            {
                version.Regions.Add(new GalleryRegionState
                {
                    Name = target.Name,
                    ReplicaCount = target.RegionalReplicaCount ?? profile!.ReplicaCount ?? 1,
                    StorageAccountType = target.StorageAccountType?.ToString() ?? profile!.StorageAccountType?.ToString() ?? "",
                    ExcludeFromLatest = target.IsExcludedFromLatest ?? false,
                });
            }
            foreach (var summary in status?.Summary ?? (IReadOnlyList<RegionalReplicationStatus>)Array.Empty<RegionalReplicationStatus>())
            {
                var name = summary.Region ?? "";
                var region = version.Regions.FirstOrDefault(r => RegionNames.Same(r.Name, name));
                if (region == null)
                {
                    region = new GalleryRegionState { Name = name };
                    version.Regions.Add(region);
                }
                region.State = summary.State?.ToString() ?? "Unknown";
                region.Progress = summary.Progress ?? 0;
                region.Details = summary.Details ?? "";
            }
            return version;
        }
    }
}
