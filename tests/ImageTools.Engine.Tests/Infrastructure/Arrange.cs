using Azure;
using Azure.Core;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;
using Azure.ResourceManager.Resources;

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
}
