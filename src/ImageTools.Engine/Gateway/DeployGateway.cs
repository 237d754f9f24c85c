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
using Azure.ResourceManager.Compute.Models;
using Azure.ResourceManager.Resources;
using Azure.ResourceManager.Resources.Models;

namespace ImageTools.Engine.Gateway
{
    /// <summary>
    /// <see cref="IDeployGateway"/> over the same ArmClient as the other gateways: Compute
    /// through Azure.ResourceManager.Compute, Network through generic resources (the session
    /// pins Microsoft.Network's api-version, see Connection/ArmClientFactory). Writes start with
    /// WaitUntil.Started and complete with the session's polling DelayStrategy; request retries
    /// (429/5xx, Retry-After) are the pipeline's. Failures go through <see cref="ArmErrors"/>. A location's
    /// VM sizes and SKUs are kept for the session (<see cref="SessionMemo{T}"/>); its usages are read each time.
    /// </summary>
    internal sealed class DeployGateway : ArmGateway, IDeployGateway
    {
        private readonly SessionMemo<IReadOnlyList<VmSizeState>> _sizes = new SessionMemo<IReadOnlyList<VmSizeState>>();
        private readonly SessionMemo<IReadOnlyList<VmSkuState>> _skus = new SessionMemo<IReadOnlyList<VmSkuState>>();

        public DeployGateway(ArmClient client, DelayStrategy? polling) : base(client, polling)
        {
        }

        public Task<IReadOnlyList<UsageState>> ListUsagesAsync(string subscriptionId, string location, CancellationToken ct) =>
            Call("read the compute usages of", location, async () =>
            {
                var usages = new List<UsageState>();
                await foreach (var usage in Subscription(subscriptionId).GetUsagesAsync(new AzureLocation(location), ct).ConfigureAwait(false))
                    usages.Add(new UsageState
                    {
                        Name = usage.Name?.Value ?? "",
                        LocalizedName = usage.Name?.LocalizedValue ?? "",
                        Current = usage.CurrentValue,
                        Limit = usage.Limit,
                    });
                return (IReadOnlyList<UsageState>)usages;
            });

        public Task<IReadOnlyList<VmSizeState>> ListVmSizesAsync(string subscriptionId, string location, CancellationToken ct) => _sizes.GetAsync(subscriptionId + "|" + location, () =>
            Call("list the VM sizes of", location, async () =>
            {
                var sizes = new List<VmSizeState>();
                await foreach (var size in Subscription(subscriptionId).GetVirtualMachineSizesAsync(new AzureLocation(location), ct).ConfigureAwait(false))
                    sizes.Add(new VmSizeState { Name = size.Name ?? "", Cores = size.NumberOfCores ?? 0 });
                return (IReadOnlyList<VmSizeState>)sizes;
            }));

        public Task<IReadOnlyList<VmSkuState>> ListVmSkusAsync(string subscriptionId, string location, CancellationToken ct) => _skus.GetAsync(subscriptionId + "|" + location, () =>
            Call("list the VM SKUs of", location, async () =>
            {
                var skus = new List<VmSkuState>();
                var filter = "location eq '" + location.Replace("'", "''") + "'";
                await foreach (var sku in Subscription(subscriptionId).GetComputeResourceSkusAsync(filter, cancellationToken: ct).ConfigureAwait(false))
                {
                    if (!string.Equals(sku.ResourceType, "virtualMachines", StringComparison.OrdinalIgnoreCase))
                        continue;
                    var generations = sku.Capabilities?.FirstOrDefault(c => string.Equals(c.Name, "HyperVGenerations", StringComparison.OrdinalIgnoreCase))?.Value ?? "";
                    skus.Add(new VmSkuState
                    {
                        Name = sku.Name ?? "",
                        Family = sku.Family ?? "",
                        HyperVGenerations = generations.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries).Select(g => g.Trim()).Where(g => g.Length > 0).ToArray(),
                    });
                }
                return (IReadOnlyList<VmSkuState>)skus;
            }));

        public async Task<IReadOnlyList<ExistingVmState>> ListVmsAsync(string subscriptionId, string resourceGroupName, CancellationToken ct) =>
            await CallOrNull("list the virtual machines of resource group", resourceGroupName, async () =>
            {
                var vms = new List<ExistingVmState>();
                var group = ResourceGroup(subscriptionId, resourceGroupName);
                await foreach (var vm in group.GetVirtualMachines().GetAllAsync(null, null, ct).ConfigureAwait(false))
                {
                    var data = vm.Data;
                    vms.Add(new ExistingVmState
                    {
                        Id = SdkIds.FromSdk(data.Id),
                        Name = data.Name,
                        Location = data.Location.Name,
                        ProvisioningState = data.ProvisioningState ?? "",
                        ImageId = data.StorageProfile?.ImageReference?.Id?.ToString() ?? "",
                        OsDiskId = data.StorageProfile?.OSDisk?.ManagedDisk?.Id?.ToString() ?? "",
                        VmSize = data.HardwareProfile?.VmSize?.ToString() ?? "",
                    });
                }
                return (IReadOnlyList<ExistingVmState>)vms;
            }).ConfigureAwait(false) ?? Array.Empty<ExistingVmState>();

        public Task<VmState> CreateVmAsync(VmSpec spec, CancellationToken ct) =>
            Call("create virtual machine", spec.Id, async () =>
            {
                var id = Sdk(spec.Id);
                // A disk attached as the OS disk (no image, no osProfile) stays when the VM is deleted.
                var osDisk = spec.OsDiskId != null
                    ? new VirtualMachineOSDisk(DiskCreateOptionType.Attach) { ManagedDisk = new VirtualMachineManagedDisk { Id = Sdk(spec.OsDiskId) }, OSType = ComputeStateMapper.Os(spec.OsType) }
                    : new VirtualMachineOSDisk(DiskCreateOptionType.FromImage) { DeleteOption = DiskDeleteOptionType.Delete };
                var data = new VirtualMachineData(new AzureLocation(spec.Location))
                {
                    HardwareProfile = new VirtualMachineHardwareProfile { VmSize = new VirtualMachineSizeType(spec.VmSize) },
                    StorageProfile = new VirtualMachineStorageProfile
                    {
                        ImageReference = spec.OsDiskId != null ? null : new ImageReference { Id = Sdk(spec.ImageId) },
                        OSDisk = osDisk,
                    },
                    NetworkProfile = new VirtualMachineNetworkProfile(),
                };
                data.NetworkProfile.NetworkInterfaces.Add(new VirtualMachineNetworkInterfaceReference { Id = Sdk(spec.NicId), Primary = true });
                foreach (var zone in spec.Zones)
                    data.Zones.Add(zone);
                foreach (var tag in spec.Tags)
                    data.Tags[tag.Key] = tag.Value;
                if (string.Equals(spec.SecurityType, "TrustedLaunch", StringComparison.OrdinalIgnoreCase) ||
                    string.Equals(spec.SecurityType, "ConfidentialVM", StringComparison.OrdinalIgnoreCase))
                {
                    var confidential = string.Equals(spec.SecurityType, "ConfidentialVM", StringComparison.OrdinalIgnoreCase);
                    data.SecurityProfile = new SecurityProfile
                    {
                        SecurityType = confidential ? SecurityType.ConfidentialVm : SecurityType.TrustedLaunch,
                        UefiSettings = new UefiSettings { IsSecureBootEnabled = true, IsVirtualTpmEnabled = true },
                    };
                    if (confidential)
                        osDisk.ManagedDisk = new VirtualMachineManagedDisk
                        {
                            SecurityProfile = new VirtualMachineDiskSecurityProfile { SecurityEncryptionType = SecurityEncryptionType.VmGuestStateOnly },
                        };
                }
                if (spec.WithOsProfile)
                    data.OSProfile = VmOsProfiles.For(spec);
                var group = Client.GetResourceGroupResource(ResourceGroupResource.CreateResourceIdentifier(id.SubscriptionId!, id.ResourceGroupName!));
                var operation = await group.GetVirtualMachines().CreateOrUpdateAsync(WaitUntil.Started, id.Name, data, ct).ConfigureAwait(false);
                return ComputeStateMapper.ToVmState((await CompleteAsync(operation, ct).ConfigureAwait(false)).Data);
            });

        // ---- network (generic resources) ----

        public Task<VirtualNetworkState?> GetVirtualNetworkAsync(ArmId vnetId, CancellationToken ct) =>
            CallOrNull("read virtual network", vnetId, async () =>
                ToVnet((await Client.GetGenericResource(Sdk(vnetId)).GetAsync(ct).ConfigureAwait(false)).Value.Data));

        public Task<VirtualNetworkState> CreateVirtualNetworkAsync(VirtualNetworkSpec spec, CancellationToken ct) =>
            Call("create virtual network", spec.Id, async () =>
            {
                var properties = new Dictionary<string, object>
                {
                    ["addressSpace"] = new Dictionary<string, object> { ["addressPrefixes"] = new[] { spec.AddressPrefix } },
                    ["subnets"] = new[]
                    {
                        new Dictionary<string, object>
                        {
                            ["name"] = spec.SubnetName,
                            ["properties"] = new Dictionary<string, object> { ["addressPrefix"] = spec.SubnetPrefix },
                        },
                    },
                };
                return ToVnet(await PutGenericAsync(spec.Id, spec.Location, spec.Tags, properties, null, ct).ConfigureAwait(false));
            });

        public Task<NicState?> GetNicAsync(ArmId nicId, CancellationToken ct) =>
            CallOrNull("read network interface", nicId, async () =>
                ToNic((await Client.GetGenericResource(Sdk(nicId)).GetAsync(ct).ConfigureAwait(false)).Value.Data));

        public async Task<ISet<string>> ListNicNamesAsync(string subscriptionId, string resourceGroupName, CancellationToken ct) =>
            await CallOrNull("list the network interfaces of resource group", resourceGroupName, async () =>
            {
                var names = (ISet<string>)new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                var filter = "resourceType eq '" + ArmId.NetworkInterfaces + "'";
                await foreach (var resource in ResourceGroup(subscriptionId, resourceGroupName).GetGenericResourcesAsync(filter, cancellationToken: ct).ConfigureAwait(false))
                    names.Add(resource.Data.Name);
                return names;
            }).ConfigureAwait(false) ?? new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        public Task<NicState> CreateNicAsync(NicSpec spec, CancellationToken ct) =>
            Call("create network interface", spec.Id, async () =>
            {
                var ipProperties = new Dictionary<string, object>
                {
                    ["privateIPAllocationMethod"] = "Dynamic",
                    ["subnet"] = new Dictionary<string, object> { ["id"] = spec.SubnetId.Id },
                };
                if (spec.PublicIpId != null)
                    ipProperties["publicIPAddress"] = new Dictionary<string, object> { ["id"] = spec.PublicIpId.Id };
                var properties = new Dictionary<string, object>
                {
                    ["ipConfigurations"] = new[]
                    {
                        new Dictionary<string, object> { ["name"] = "ipconfig1", ["properties"] = ipProperties },
                    },
                };
                return ToNic(await PutGenericAsync(spec.Id, spec.Location, spec.Tags, properties, null, ct).ConfigureAwait(false));
            });

        public Task<ArmId> CreatePublicIpAsync(PublicIpSpec spec, CancellationToken ct) =>
            Call("create public IP address", spec.Id, async () =>
            {
                var properties = new Dictionary<string, object>
                {
                    ["publicIPAllocationMethod"] = "Static",
                    ["publicIPAddressVersion"] = "IPv4",
                };
                var data = await PutGenericAsync(spec.Id, spec.Location, spec.Tags, properties, "Standard", ct, spec.Zones).ConfigureAwait(false);
                return SdkIds.FromSdkOrNull(data.Id) ?? spec.Id;
            });

        private async Task<GenericResourceData> PutGenericAsync(ArmId id, string location, Dictionary<string, string> tags,
            Dictionary<string, object> properties, string? sku, CancellationToken ct, string[]? zones = null)
        {
            var data = new GenericResourceData(new AzureLocation(location))
            {
                Properties = BinaryData.FromObjectAsJson(properties),
            };
            if (sku != null)
                data.Sku = new ResourcesSku { Name = sku };
            foreach (var tag in tags)
                data.Tags[tag.Key] = tag.Value;
            var operation = await Client.GetGenericResources().CreateOrUpdateAsync(WaitUntil.Started, Sdk(id), data, ct).ConfigureAwait(false);
            return (await CompleteAsync(operation, ct).ConfigureAwait(false)).Data;
        }

        private static VirtualNetworkState ToVnet(GenericResourceData data)
        {
            var state = new VirtualNetworkState
            {
                Id = SdkIds.FromSdk(data.Id),
                Name = data.Name,
                Location = data.Location.Name,
                Tags = ComputeStateMapper.Tags(data.Tags),
            };
            using var properties = Parse(data.Properties);
            var root = properties.RootElement;
            state.ProvisioningState = Text(root, "provisioningState");
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("subnets", out var subnets) && subnets.ValueKind == JsonValueKind.Array)
                foreach (var subnet in subnets.EnumerateArray())
                    state.Subnets.Add(new SubnetState
                    {
                        Id = ArmId.Parse(Text(subnet, "id")),
                        Name = Text(subnet, "name"),
                        AddressPrefix = subnet.TryGetProperty("properties", out var p) ? Text(p, "addressPrefix") : "",
                    });
            return state;
        }

        private static NicState ToNic(GenericResourceData data)
        {
            var state = new NicState
            {
                Id = SdkIds.FromSdk(data.Id),
                Name = data.Name,
                Location = data.Location.Name,
                Tags = ComputeStateMapper.Tags(data.Tags),
            };
            using var properties = Parse(data.Properties);
            var root = properties.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return state;
            if (root.TryGetProperty("virtualMachine", out var vm))
                state.VirtualMachineId = Text(vm, "id");
            if (root.TryGetProperty("ipConfigurations", out var configs) && configs.ValueKind == JsonValueKind.Array)
                foreach (var config in configs.EnumerateArray())
                    if (config.TryGetProperty("properties", out var p) && p.TryGetProperty("subnet", out var subnet))
                    {
                        state.SubnetId = Text(subnet, "id");
                        break;
                    }
            return state;
        }

        private static JsonDocument Parse(BinaryData? data) => JsonDocument.Parse(data == null || data.ToMemory().Length == 0 ? "{}" : data.ToString());

        private static string Text(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString() ?? "" : "";
    }
}
