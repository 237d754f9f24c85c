using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Rules.Capture;

[Collection(EmulatorCollection.Name)]
public class OsTypeRequiredTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_disk_without_an_os_type_needs_one_given()
    {
        var group = EmulatorFixture.NewGroup("ostype");
        var disk = await emulator.BareDiskAsync(group, "osdisk", generation: "V2");

        var e = await emulator.CaptureRefusedAsync(group, Refusals.Capture(disk));

        var finding = e.Refusal("OsTypeRequired");
        Assert.Contains("does not record its OS type", finding.Message);
        Assert.Contains("-OsType Windows or -OsType Linux", finding.Remedy);
    }

    [Fact]
    public async Task An_os_type_contradicting_the_disks_is_refused_naming_both()
    {
        var group = EmulatorFixture.NewGroup("ostype-mismatch");
        var disk = await emulator.BareDiskAsync(group, "osdisk", osType: "Linux", generation: "V2");

        var e = await emulator.CaptureRefusedAsync(group, Refusals.Capture(disk, r => r.OsType = "Windows"));

        Assert.Contains("-OsType Windows does not match the OS type Linux", e.Refusal("OsTypeRequired").Message);
    }
}
