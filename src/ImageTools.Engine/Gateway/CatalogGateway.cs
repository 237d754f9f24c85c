using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using Azure.ResourceManager;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Resources;
using ImageTools.Engine.Catalog;

namespace ImageTools.Engine.Gateway
{
    /// <summary>
    /// The listings tab completion needs (resource groups, galleries, scale sets, image
    /// definitions, image versions), read through the session's ArmClient. Reads only; ARM
    /// failures become <see cref="AzureRequestException"/> through <see cref="ArmErrors"/>, as in
    /// the operations' gateway.
    /// </summary>
    internal sealed class CatalogGateway : ArmGateway
    {
        public CatalogGateway(ArmClient client)
            : base(client, null)
        {
        }

        public Task<List<CatalogEntry>> ListResourceGroupsAsync(string subscriptionId, CancellationToken ct) =>
            Read("list the resource groups of subscription", subscriptionId, async list =>
            {
                await foreach (var group in Subscription(subscriptionId).GetResourceGroups().GetAllAsync(null, null, ct).ConfigureAwait(false))
                    list.Add(new CatalogEntry(group.Data.Name, group.Id.ToString(), group.Data.Name, group.Data.Location.Name));
            });

        /// <summary>The galleries of one resource group, or of the whole subscription when no group is given.</summary>
        public Task<List<CatalogEntry>> ListGalleriesAsync(string subscriptionId, string? resourceGroupName, CancellationToken ct) =>
            Read("list the galleries of", resourceGroupName ?? subscriptionId, async list =>
            {
                var galleries = resourceGroupName == null
                    ? Subscription(subscriptionId).GetGalleriesAsync(ct)
                    : ResourceGroup(subscriptionId, resourceGroupName)
                        .GetGalleries().GetAllAsync(ct);
                await foreach (var gallery in galleries.ConfigureAwait(false))
                    list.Add(new CatalogEntry(gallery.Data.Name, gallery.Id.ToString(), gallery.Id.ResourceGroupName ?? "", gallery.Data.Location.Name));
            });

        public Task<List<CatalogEntry>> ListScaleSetsAsync(string subscriptionId, string? resourceGroupName, CancellationToken ct) =>
            Read("list the virtual machine scale sets of", resourceGroupName ?? subscriptionId, async list =>
            {
                var scaleSets = resourceGroupName == null
                    ? Subscription(subscriptionId).GetVirtualMachineScaleSetsAsync(ct)
                    : ResourceGroup(subscriptionId, resourceGroupName).GetVirtualMachineScaleSets().GetAllAsync(ct);
                await foreach (var vmss in scaleSets.ConfigureAwait(false))
                    list.Add(new CatalogEntry(vmss.Data.Name, vmss.Id.ToString(), vmss.Id.ResourceGroupName ?? "", vmss.Data.Location.Name,
                        $"{vmss.Data.OrchestrationMode} {vmss.Data.Sku?.Name} x{vmss.Data.Sku?.Capacity}"));
            });

        public Task<List<CatalogEntry>> ListDefinitionsAsync(ArmId galleryId, CancellationToken ct) =>
            Read("list the image definitions of gallery", galleryId.Id, async list =>
            {
                await foreach (var definition in Client.GetGalleryResource(Sdk(galleryId)).GetGalleryImages().GetAllAsync(ct).ConfigureAwait(false))
                {
                    var data = definition.Data;
                    string detail = $"{data.OSType} {data.OSState}, {data.HyperVGeneration}";
                    list.Add(new CatalogEntry(data.Name, definition.Id.ToString(), definition.Id.ResourceGroupName ?? "", data.Location.Name, detail));
                }
            });

        public Task<List<CatalogEntry>> ListVersionsAsync(ArmId definitionId, CancellationToken ct) =>
            Read("list the image versions of gallery image definition", definitionId.Id, async list =>
            {
                await foreach (var version in Client.GetGalleryImageResource(Sdk(definitionId)).GetGalleryImageVersions().GetAllAsync(ct).ConfigureAwait(false))
                {
                    var data = version.Data;
                    list.Add(new CatalogEntry(data.Name, version.Id.ToString(), version.Id.ResourceGroupName ?? "", data.Location.Name,
                        data.ProvisioningState?.ToString() ?? ""));
                }
            });


        private static Task<List<CatalogEntry>> Read(string action, string target, Func<List<CatalogEntry>, Task> body) =>
            Call(action, target, async () =>
            {
                var list = new List<CatalogEntry>();
                await body(list).ConfigureAwait(false);
                return list;
            });
    }
}
