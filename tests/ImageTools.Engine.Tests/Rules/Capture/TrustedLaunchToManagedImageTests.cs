using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Rules.Capture;

[Collection(EmulatorCollection.Name)]
public class TrustedLaunchToManagedImageTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_trusted_launch_vm_is_refused_naming_the_gallery_route()
    {
        var group = EmulatorFixture.NewGroup("tl");
        var vm = await emulator.GeneralizedVmAsync(group, "secure01", security: "TrustedLaunch");

        var e = await emulator.CaptureRefusedAsync(group, Refusals.Capture(vm));

        var finding = e.Refusal("TrustedLaunchToManagedImage");
        Assert.Contains("uses TrustedLaunch security", finding.Message);
        Assert.Contains("Secure Boot and vTPM", finding.Message);
        Assert.Contains("Publish-GalleryVersion -ResourceId " + vm, finding.Remedy, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_confidential_vm_disk_is_refused_the_same_way()
    {
        var group = EmulatorFixture.NewGroup("cvm");
        var disk = await emulator.BareDiskAsync(group, "cvm-os", osType: "Windows", generation: "V2",
            security: Azure.ResourceManager.Compute.Models.DiskSecurityType.ConfidentialVmGuestStateOnlyEncryptedWithPlatformKey);

        var e = await emulator.CaptureRefusedAsync(group, Refusals.Capture(disk));

        Assert.Contains("uses ConfidentialVM security", e.Refusal("TrustedLaunchToManagedImage").Message);
    }
}
