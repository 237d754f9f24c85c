using System;
using System.Collections.Generic;
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

        public Task<IReadOnlyList<ArmId>?> GetNicPublicIpIdsAsync(ArmId nicId, CancellationToken ct) =>
            CallOrNull("read network interface", nicId, async () =>
            {
                var data = (await Client.GetGenericResource(Sdk(nicId)).GetAsync(ct).ConfigureAwait(false)).Value.Data;
                var ids = new List<ArmId>();
                using var document = JsonDocument.Parse(data.Properties == null || data.Properties.ToMemory().Length == 0 ? "{}" : data.Properties.ToString());
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("ipConfigurations", out var configs) && configs.ValueKind == JsonValueKind.Array)
                    foreach (var config in configs.EnumerateArray())
                        if (config.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object &&
                            p.TryGetProperty("publicIPAddress", out var ip) && ip.ValueKind == JsonValueKind.Object &&
                            ip.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && ArmId.ParseOrNull(id.GetString()) is ArmId parsed)
                            ids.Add(parsed);
                return (IReadOnlyList<ArmId>)ids;
            });

        public Task<bool> DeleteDiskAsync(ArmId diskId, CancellationToken ct) =>
            Call("delete managed disk", diskId, () => Gone(async () =>
                await CompleteAsync(await Client.GetManagedDiskResource(Sdk(diskId)).DeleteAsync(WaitUntil.Started, ct).ConfigureAwait(false), ct)
                    .ConfigureAwait(false)));

        public Task<bool> DeleteNetworkResourceAsync(ArmId resourceId, string what, CancellationToken ct) =>
            Call("delete " + what, resourceId, () => Gone(async () =>
                await CompleteAsync(await Client.GetGenericResource(Sdk(resourceId)).DeleteAsync(WaitUntil.Started, ct).ConfigureAwait(false), ct)
                    .ConfigureAwait(false)));

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
