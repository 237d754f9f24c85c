using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using Azure.ResourceManager;
using Azure.ResourceManager.Compute;

namespace ImageTools.Engine.Gateway
{
    /// <summary>
    /// <see cref="ICleanupGateway"/>: disks through Azure.ResourceManager.Compute, network resources
    /// through generic resources (Microsoft.Network api-version pinned by the session).
    /// </summary>
    internal sealed class CleanupGateway : ArmGateway, ICleanupGateway
    {
        public CleanupGateway(ArmClient client, DelayStrategy? polling) : base(client, polling)
        {
        }

        public Task<NicLinks?> GetNicLinksAsync(ArmId nicId, CancellationToken ct) =>
            CallOrNull("read network interface", nicId, async () =>
            {
                var data = (await Client.GetGenericResource(Sdk(nicId)).GetAsync(ct).ConfigureAwait(false)).Value.Data;
                var links = new NicLinks();
                using var document = Parse(data.Properties);
                foreach (var config in Items(document.RootElement, "ipConfigurations"))
                {
                    if (!config.TryGetProperty("properties", out var p) || p.ValueKind != JsonValueKind.Object)
                        continue;
                    if (ArmId.ParseOrNull(IdOf(p, "publicIPAddress")) is ArmId ip)
                        links.PublicIpIds.Add(ip);
                    if (ArmId.ParseOrNull(IdOf(p, "subnet")) is ArmId subnet)
                        links.SubnetIds.Add(subnet);
                }
                return links;
            });

        public Task<VirtualNetworkUse?> GetVirtualNetworkUseAsync(ArmId vnetId, CancellationToken ct) =>
            CallOrNull("read virtual network", vnetId, async () =>
            {
                var data = (await Client.GetGenericResource(Sdk(vnetId)).GetAsync(ct).ConfigureAwait(false)).Value.Data;
                var use = new VirtualNetworkUse { Id = vnetId, Location = data.Location.Name, Tags = ComputeStateMapper.Tags(data.Tags) };
                using var document = Parse(data.Properties);
                foreach (var subnet in Items(document.RootElement, "subnets"))
                {
                    var p = subnet.TryGetProperty("properties", out var props) ? props : default;
                    use.IpConfigurationIds.AddRange(Items(p, "ipConfigurations").Select(c => IdOf(c)).Where(id => id.Length > 0));
                    use.OtherAttachedIds.AddRange(Items(p, "privateEndpoints").Select(c => IdOf(c)).Where(id => id.Length > 0));
                }
                use.OtherAttachedIds.AddRange(Items(document.RootElement, "virtualNetworkPeerings").Select(c => IdOf(c)).Where(id => id.Length > 0));
                return use;
            });

        public Task<IReadOnlyList<TaggedResource>> ListResourcesAsync(string subscriptionId, string resourceGroupName, CancellationToken ct) =>
            Call("list the resources of", resourceGroupName.Length > 0 ? $"resource group '{resourceGroupName}'" : $"subscription {subscriptionId}", async () =>
            {
                var list = new List<TaggedResource>();
                var items = resourceGroupName.Length > 0
                    ? ResourceGroup(subscriptionId, resourceGroupName).GetGenericResourcesAsync(cancellationToken: ct)
                    : Subscription(subscriptionId).GetGenericResourcesAsync(cancellationToken: ct);
                await foreach (var item in items.ConfigureAwait(false))
                    if (SdkIds.FromSdkOrNull(item.Id) is ArmId id)
                        list.Add(new TaggedResource { Id = id, Type = item.Data.ResourceType.ToString(), Location = item.Data.Location.Name, Tags = ComputeStateMapper.Tags(item.Data.Tags) });
                return (IReadOnlyList<TaggedResource>)list;
            });

        public Task<TaggedResource?> GetNetworkResourceAsync(ArmId id, CancellationToken ct) =>
            CallOrNull("read " + id.Type, id, async () =>
            {
                var data = (await Client.GetGenericResource(Sdk(id)).GetAsync(ct).ConfigureAwait(false)).Value.Data;
                var resource = new TaggedResource { Id = id, Type = data.ResourceType.ToString(), Location = data.Location.Name, Tags = ComputeStateMapper.Tags(data.Tags) };
                using var document = Parse(data.Properties);
                foreach (var link in new[] { IdOf(document.RootElement, "virtualMachine"), IdOf(document.RootElement, "ipConfiguration") })
                    if (link.Length > 0)
                        resource.AttachedTo.Add(link);
                return resource;
            });

        public Task<bool> DeleteDiskAsync(ArmId diskId, CancellationToken ct) =>
            Call("delete managed disk", diskId, () => Gone(async () =>
                await CompleteAsync(await Client.GetManagedDiskResource(Sdk(diskId)).DeleteAsync(WaitUntil.Started, ct).ConfigureAwait(false), ct)
                    .ConfigureAwait(false)));

        public Task<bool> DeleteNetworkResourceAsync(ArmId resourceId, string what, CancellationToken ct) =>
            Call("delete " + what, resourceId, () => Gone(async () =>
                await CompleteAsync(await Client.GetGenericResource(Sdk(resourceId)).DeleteAsync(WaitUntil.Started, ct).ConfigureAwait(false), ct)
                    .ConfigureAwait(false)));

        private static JsonDocument Parse(BinaryData? data) => JsonDocument.Parse(data == null || data.ToMemory().Length == 0 ? "{}" : data.ToString());

        private static IEnumerable<JsonElement> Items(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var items) && items.ValueKind == JsonValueKind.Array
                ? items.EnumerateArray().ToList() : new List<JsonElement>();

        /// <summary>The "id" of an element, or of its <paramref name="child"/> object; empty when there is none.</summary>
        private static string IdOf(JsonElement element, string? child = null)
        {
            if (child != null && !(element.ValueKind == JsonValueKind.Object && element.TryGetProperty(child, out element)))
                return "";
            return element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() ?? "" : "";
        }

        /// <summary>True when the delete ran; false when the resource was already gone (404 to the DELETE).</summary>
        private static async Task<bool> Gone(Func<Task> delete)
        {
            try
            {
                await delete().ConfigureAwait(false);
                return true;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                return false;
            }
        }
    }
}
