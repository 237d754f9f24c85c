using Azure;
using Azure.Core;
using Azure.ResourceManager;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;
using Azure.ResourceManager.Resources;

namespace ImageTools.Emulator.Tests;

/// <summary>Building blocks the tests share: network through generic resources, VMs through the Compute SDK.</summary>
internal static class Scenario
{
    public const string Password = "Str0ng-Passw0rd!x";

    public static ResourceIdentifier Id(string sub, string rg, string ns, string type, string name) => new($"/subscriptions/{sub}/resourceGroups/{rg}/providers/{ns}/{type}/{name}");

    /// <summary>VNet (with subnet "default") and a NIC in it, created as generic resources at api 2023-09-01.</summary>
    public static async Task<ResourceIdentifier> CreateNicAsync(ArmClient client, string sub, string rg, string nicName, string location = "eastus")
    {
        var vnetId = Id(sub, rg, "Microsoft.Network", "virtualNetworks", "vnet-" + location);
        var resources = client.GetGenericResources();
        if (!(await resources.ExistsAsync(vnetId)).Value)
        {
            var vnet = new GenericResourceData(new AzureLocation(location))
            {
                Properties = BinaryData.FromString("""{"addressSpace":{"addressPrefixes":["10.0.0.0/16"]},"subnets":[{"name":"default","properties":{"addressPrefix":"10.0.0.0/24"}}]}"""),
            };
            await resources.CreateOrUpdateAsync(WaitUntil.Completed, vnetId, vnet);
        }
        var nicId = Id(sub, rg, "Microsoft.Network", "networkInterfaces", nicName);
        var nic = new GenericResourceData(new AzureLocation(location))
        {
            Properties = BinaryData.FromString("{\"ipConfigurations\":[{\"name\":\"ipconfig1\",\"properties\":{\"subnet\":{\"id\":\"" + vnetId + "/subnets/default\"}}}]}"),
        };
        await resources.CreateOrUpdateAsync(WaitUntil.Completed, nicId, nic);
        return nicId;
    }

    public static VirtualMachineData VmData(ResourceIdentifier nicId, ImageReference image, string? computerName, string location = "eastus",
        string size = "Standard_D2s_v5", bool windows = true, bool osProfile = true)
    {
        var data = new VirtualMachineData(new AzureLocation(location))
        {
            HardwareProfile = new VirtualMachineHardwareProfile { VmSize = new VirtualMachineSizeType(size) },
            StorageProfile = new VirtualMachineStorageProfile
            {
                ImageReference = image,
                OSDisk = new VirtualMachineOSDisk(DiskCreateOptionType.FromImage) { ManagedDisk = new VirtualMachineManagedDisk { StorageAccountType = StorageAccountType.PremiumLrs } },
            },
            NetworkProfile = new VirtualMachineNetworkProfile(),
        };
        data.NetworkProfile.NetworkInterfaces.Add(new VirtualMachineNetworkInterfaceReference { Id = nicId, Primary = true });
        if (osProfile) data.OSProfile = new VirtualMachineOSProfile { ComputerName = computerName, AdminUsername = "azureadmin", AdminPassword = Password };
        return data;
    }

    public static ImageReference Marketplace(string urn)
    {
        var p = urn.Split(':');
        return new ImageReference { Publisher = p[0], Offer = p[1], Sku = p[2], Version = p.Length > 3 ? p[3] : "latest" };
    }

    public static async Task<VirtualMachineResource> CreateMarketplaceVmAsync(EmulatorFixture f, ResourceGroupResource rg, string name,
        string urn = "MicrosoftWindowsServer:WindowsServer:2022-datacenter-g2:latest", string location = "eastus", Action<VirtualMachineData>? customize = null)
    {
        var nic = await CreateNicAsync(f.Client, f.SubscriptionId, rg.Data.Name, name + "-nic", location);
        var data = VmData(nic, Marketplace(urn), name.Length > 15 ? name[..15] : name, location);
        customize?.Invoke(data);
        return (await rg.GetVirtualMachines().CreateOrUpdateAsync(WaitUntil.Completed, name, data)).Value;
    }

    public static async Task<RequestFailedException> Fails(Func<Task> action)
    {
        return await Assert.ThrowsAsync<RequestFailedException>(action);
    }
}
