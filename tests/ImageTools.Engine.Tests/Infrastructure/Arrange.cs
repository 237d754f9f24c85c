using Azure;
using Azure.Core;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;
using Azure.ResourceManager.Resources;
using Azure.ResourceManager.Resources.Models;

namespace ImageTools.Engine.Tests.Infrastructure;

/// <summary>Arranges state the control API does not seed, through the SDK the engine uses.</summary>
public static class Arrange
{
    /// <summary>An empty managed disk that records neither its OS type nor its Hyper-V generation.</summary>
    public static async Task<string> BareDiskAsync(this EmulatorFixture emulator, string group, string name, string? osType = null, string? generation = null,
        DiskSecurityType? security = null)
    {
        var subscription = emulator.Client.GetSubscriptionResource(SubscriptionResource.CreateResourceIdentifier(emulator.SubscriptionId));
        var rg = (await subscription.GetResourceGroups().CreateOrUpdateAsync(WaitUntil.Completed, group, new ResourceGroupData(new AzureLocation("eastus")))).Value;
        var data = new ManagedDiskData(new AzureLocation("eastus"))
        {
            CreationData = new DiskCreationData(DiskCreateOption.Empty),
            DiskSizeGB = 32,
        };
        if (osType != null)
            data.OSType = osType == "Linux" ? SupportedOperatingSystemType.Linux : SupportedOperatingSystemType.Windows;
        if (generation != null)
            data.HyperVGeneration = new HyperVGeneration(generation);
        if (security != null)
            data.SecurityProfile = new DiskSecurityProfile { SecurityType = security };
        var operation = await rg.GetManagedDisks().CreateOrUpdateAsync(WaitUntil.Completed, name, data);
        return operation.Value.Id.ToString();
    }

    /// <summary>A generalized VM, via the control API's seeding.</summary>
    public static async Task<string> GeneralizedVmAsync(this EmulatorFixture emulator, string group, string name, string os = "Windows",
        string generation = "V2", string security = "Standard") =>
        (await emulator.SeedVmAsync(group, name, state: "generalized", os: os, generation: generation, configure: r => r.SecurityType = security)).Id;

    /// <summary>
    /// A running VM created through the SDK from a marketplace URN (publisher:offer:sku), with its
    /// own VNet and NIC made as generic resources, the way an admin's base VM is made.
    /// </summary>
    public static async Task<string> MarketplaceVmAsync(this EmulatorFixture emulator, string group, string name, string urn, string location = "eastus")
    {
        var parts = urn.Split(':');
        var subscription = emulator.Client.GetSubscriptionResource(SubscriptionResource.CreateResourceIdentifier(emulator.SubscriptionId));
        var rg = (await subscription.GetResourceGroups().CreateOrUpdateAsync(WaitUntil.Completed, group, new ResourceGroupData(new AzureLocation(location)))).Value;
        var network = $"{rg.Id}/providers/Microsoft.Network";
        var vnet = new GenericResourceData(new AzureLocation(location))
        {
            Properties = BinaryData.FromString("""{"addressSpace":{"addressPrefixes":["10.1.0.0/16"]},"subnets":[{"name":"default","properties":{"addressPrefix":"10.1.0.0/24"}}]}"""),
        };
        await emulator.Client.GetGenericResources().CreateOrUpdateAsync(WaitUntil.Completed, new ResourceIdentifier($"{network}/virtualNetworks/{name}-vnet"), vnet);
        var nic = new GenericResourceData(new AzureLocation(location))
        {
            Properties = BinaryData.FromString("""{"ipConfigurations":[{"name":"ipconfig1","properties":{"subnet":{"id":"SUBNET"}}}]}"""
                .Replace("SUBNET", $"{network}/virtualNetworks/{name}-vnet/subnets/default")),
        };
        var nicId = new ResourceIdentifier($"{network}/networkInterfaces/{name}-nic");
        await emulator.Client.GetGenericResources().CreateOrUpdateAsync(WaitUntil.Completed, nicId, nic);

        var data = new VirtualMachineData(new AzureLocation(location))
        {
            HardwareProfile = new VirtualMachineHardwareProfile { VmSize = VirtualMachineSizeType.StandardD2SV3 },
            StorageProfile = new VirtualMachineStorageProfile
            {
                ImageReference = new ImageReference { Publisher = parts[0], Offer = parts[1], Sku = parts[2], Version = parts.Length > 3 ? parts[3] : "latest" },
                OSDisk = new VirtualMachineOSDisk(DiskCreateOptionType.FromImage) { ManagedDisk = new VirtualMachineManagedDisk { StorageAccountType = StorageAccountType.PremiumLrs } },
            },
            OSProfile = new VirtualMachineOSProfile { ComputerName = name.Replace("-", ""), AdminUsername = "imageadmin", AdminPassword = "Correct-Horse-9-Battery" },
            NetworkProfile = new VirtualMachineNetworkProfile { NetworkInterfaces = { new VirtualMachineNetworkInterfaceReference { Id = nicId, Primary = true } } },
        };
        var created = await rg.GetVirtualMachines().CreateOrUpdateAsync(WaitUntil.Completed, name, data);
        return created.Value.Id.ToString();
    }

    /// <summary>The ARM JSON of any resource, by a GET of its id (api-version of its provider).</summary>
    public static async Task<System.Text.Json.JsonElement> GetArmAsync(this EmulatorFixture emulator, string resourceId, string apiVersion = "2023-07-01")
    {
        using var http = new HttpClient(emulator.Server.CreateTrustingHandler()) { BaseAddress = emulator.Server.Endpoint };
        using var request = new HttpRequestMessage(HttpMethod.Get, resourceId.TrimStart('/') + "?api-version=" + apiVersion);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "test");
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {resourceId}: {(int)response.StatusCode} {text}");
        return System.Text.Json.JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Whether a resource exists (a GET answered 404 or not).</summary>
    public static async Task<bool> ExistsArmAsync(this EmulatorFixture emulator, string resourceId, string apiVersion = "2023-07-01")
    {
        using var http = new HttpClient(emulator.Server.CreateTrustingHandler()) { BaseAddress = emulator.Server.Endpoint };
        using var request = new HttpRequestMessage(HttpMethod.Get, resourceId.TrimStart('/') + "?api-version=" + apiVersion);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "test");
        using var response = await http.SendAsync(request);
        return response.StatusCode != System.Net.HttpStatusCode.NotFound;
    }
}
