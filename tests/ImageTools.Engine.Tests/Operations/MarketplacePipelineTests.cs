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
        var vmId = await emulator.MarketplaceVmAsync(group, "base01", $"{publisher}:{offer}:{sku}");

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
}
