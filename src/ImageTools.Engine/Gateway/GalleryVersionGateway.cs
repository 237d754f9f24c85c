using System;
using System.Collections.Generic;
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
    /// <see cref="IGalleryVersionGateway"/> over Azure.ResourceManager.Compute: the version's PATCH
    /// and DELETE (galleries api-version 2022-03-03), the subscription's VM and scale set lists
    /// (2023-07-01), and its locations. Writes start with WaitUntil.Started and complete through the
    /// session's polling DelayStrategy; failures become <see cref="AzureRequestException"/>.
    /// </summary>
    internal sealed class GalleryVersionGateway : ArmGateway, IGalleryVersionGateway
    {
        public GalleryVersionGateway(ArmClient client, DelayStrategy? polling)
            : base(client, polling)
        {
        }

        public Task UpdateVersionAsync(ArmId versionId, GalleryVersionUpdate update, bool waitForProvisioning, CancellationToken ct) =>
            Call("update gallery image version", versionId, async () =>
            {
                var profile = new GalleryImageVersionPublishingProfile
                {
                    EndOfLifeOn = update.EndOfLifeDate,
                    IsExcludedFromLatest = update.ExcludeFromLatest,
                };
                foreach (var region in update.TargetRegions ?? new List<GalleryRegionState>())
                {
                    var target = new TargetRegion(region.Name) { RegionalReplicaCount = region.ReplicaCount };
                    if (region.StorageAccountType.Length > 0)
                        target.StorageAccountType = new ImageStorageAccountType(region.StorageAccountType);
                    if (region.ExcludeFromLatest)
                        target.IsExcludedFromLatest = true;
                    profile.TargetRegions.Add(target);
                }
                var patch = new GalleryImageVersionPatch { PublishingProfile = profile };
                var operation = await Client.GetGalleryImageVersionResource(Sdk(versionId))
                    .UpdateAsync(WaitUntil.Started, patch, ct).ConfigureAwait(false);
                if (waitForProvisioning)
                    await CompleteAsync(operation, ct).ConfigureAwait(false);
            });

        public Task DeleteVersionAsync(ArmId versionId, CancellationToken ct) =>
            Call("delete gallery image version", versionId, async () =>
                await CompleteAsync(await Client.GetGalleryImageVersionResource(Sdk(versionId))
                    .DeleteAsync(WaitUntil.Started, ct).ConfigureAwait(false), ct).ConfigureAwait(false));

        public Task<IReadOnlyList<ImageConsumerState>> ListImageConsumersAsync(string subscriptionId, CancellationToken ct) =>
            Call("list the virtual machines and scale sets of subscription", subscriptionId, async () =>
            {
                var consumers = new List<ImageConsumerState>();
                var subscription = Subscription(subscriptionId);
                await foreach (var vm in subscription.GetVirtualMachinesAsync(cancellationToken: ct).ConfigureAwait(false))
                    consumers.Add(Consumer(vm.Id, "VirtualMachine", vm.Data.StorageProfile?.ImageReference));
                await foreach (var scaleSet in subscription.GetVirtualMachineScaleSetsAsync(ct).ConfigureAwait(false))
                {
                    consumers.Add(Consumer(scaleSet.Id, "ScaleSet", scaleSet.Data.VirtualMachineProfile?.StorageProfile?.ImageReference));
                    if (scaleSet.Data.OrchestrationMode != OrchestrationMode.Uniform)
                        continue; // Flexible instances are VMs: the VM list has them.
                    await foreach (var instance in scaleSet.GetVirtualMachineScaleSetVms().GetAllAsync(cancellationToken: ct).ConfigureAwait(false))
                        consumers.Add(Consumer(instance.Id, "ScaleSetInstance", instance.Data.StorageProfile?.ImageReference));
                }
                return (IReadOnlyList<ImageConsumerState>)consumers;
            });

        private static ImageConsumerState Consumer(ResourceIdentifier id, string kind, ImageReference? image) => new ImageConsumerState
        {
            Id = id.ToString(),
            Kind = kind,
            ImageId = image?.Id?.ToString() ?? "",
            ExactVersion = image?.ExactVersion ?? "",
        };
    }
}
