using Azure;
using Azure.Core;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;
using Azure.ResourceManager.Resources;
using Azure.ResourceManager.Resources.Models;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Operations;

/// <summary>VMs created through the SDK from marketplace images go through generalize, then capture, one call each.</summary>
[Collection(EmulatorCollection.Name)]
public class MarketplacePipelineTests(EmulatorFixture emulator)
{
    [Theory]
    [InlineData("MicrosoftWindowsServer", "WindowsServer", "2022-datacenter-g2", "Windows", "V2")]
    [InlineData("MicrosoftWindowsServer", "WindowsServer", "2022-datacenter", "Windows", "V1")]
    [InlineData("Canonical", "0001-com-ubuntu-server-jammy", "22_04-lts-gen2", "Linux", "V2")]
    [InlineData("Canonical", "ubuntu-24_04-lts", "server", "Linux", "V2")]
    public async Task Generalize_then_capture(string publisher, string offer, string sku, string os, string generation)
    {
        var group = EmulatorFixture.NewGroup("market");
        var vmId = await CreateVmAsync(group, "base01", publisher, offer, sku, os);

        var vm = await emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "base01"), new RecordingHost());
        var image = await emulator.Engine.CaptureAsync(Refusals.Capture(vm!.Id), new RecordingHost());

        Assert.Equal(vmId, vm.Id, ignoreCase: true);
        Assert.Equal("Generalized", vm.OsState);
        Assert.Equal(os, vm.OsType);
        Assert.Equal($"{publisher}:{offer}:{sku}:latest", vm.SourceImageId);
        Assert.Equal("Succeeded", image!.ProvisioningState);
        Assert.Equal(generation, image.HyperVGeneration);
        Assert.Equal(os, image.OsType);
        Assert.Equal(vm.Id, image.SourceId, ignoreCase: true);
        Assert.Equal("base01-image", image.Name);
    }

    private async Task<string> CreateVmAsync(string group, string name, string publisher, string offer, string sku, string os)
    {
        var subscription = emulator.Client.GetSubscriptionResource(SubscriptionResource.CreateResourceIdentifier(emulator.SubscriptionId));
        var rg = (await subscription.GetResourceGroups().CreateOrUpdateAsync(WaitUntil.Completed, group, new ResourceGroupData(AzureLocation.EastUS))).Value;
        var network = $"{rg.Id}/providers/Microsoft.Network";
        var vnet = new GenericResourceData(AzureLocation.EastUS)
        {
            Properties = BinaryData.FromString("""{"addressSpace":{"addressPrefixes":["10.1.0.0/16"]},"subnets":[{"name":"default","properties":{"addressPrefix":"10.1.0.0/24"}}]}"""),
        };
        await emulator.Client.GetGenericResources().CreateOrUpdateAsync(WaitUntil.Completed, new ResourceIdentifier($"{network}/virtualNetworks/vnet"), vnet);
        var nic = new GenericResourceData(AzureLocation.EastUS)
        {
            Properties = BinaryData.FromString("""{"ipConfigurations":[{"name":"ipconfig1","properties":{"subnet":{"id":"SUBNET"}}}]}"""
                .Replace("SUBNET", network + "/virtualNetworks/vnet/subnets/default")),
        };
        var nicId = new ResourceIdentifier($"{network}/networkInterfaces/{name}-nic");
        await emulator.Client.GetGenericResources().CreateOrUpdateAsync(WaitUntil.Completed, nicId, nic);

        var data = new VirtualMachineData(AzureLocation.EastUS)
        {
            HardwareProfile = new VirtualMachineHardwareProfile { VmSize = VirtualMachineSizeType.StandardD2SV3 },
            StorageProfile = new VirtualMachineStorageProfile
            {
                ImageReference = new ImageReference { Publisher = publisher, Offer = offer, Sku = sku, Version = "latest" },
                OSDisk = new VirtualMachineOSDisk(DiskCreateOptionType.FromImage) { ManagedDisk = new VirtualMachineManagedDisk { StorageAccountType = StorageAccountType.PremiumLrs } },
            },
            OSProfile = new VirtualMachineOSProfile { ComputerName = name, AdminUsername = "imageadmin", AdminPassword = "Correct-Horse-9-Battery" },
            NetworkProfile = new VirtualMachineNetworkProfile { NetworkInterfaces = { new VirtualMachineNetworkInterfaceReference { Id = nicId, Primary = true } } },
        };
        var created = await rg.GetVirtualMachines().CreateOrUpdateAsync(WaitUntil.Completed, name, data);
        Assert.Equal(os, created.Value.Data.StorageProfile.OSDisk.OSType?.ToString());
        return created.Value.Id.ToString();
    }
}
