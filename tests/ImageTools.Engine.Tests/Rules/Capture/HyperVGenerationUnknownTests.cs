using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Rules.Capture;

[Collection(EmulatorCollection.Name)]
public class HyperVGenerationUnknownTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_disk_that_does_not_record_its_generation_needs_one_given()
    {
        var group = EmulatorFixture.NewGroup("hyperv-unknown");
        var disk = await emulator.BareDiskAsync(group, "osdisk", osType: "Linux");

        var e = await emulator.CaptureRefusedAsync(group, Refusals.Capture(disk));

        var finding = e.Refusal("HyperVGenerationUnknown");
        Assert.Contains("silently become V1", finding.Message);
        Assert.Contains("-HyperVGeneration V1 to confirm", finding.Remedy);

        var image = await emulator.Engine.CaptureAsync(Refusals.Capture(disk, r => { r.HyperVGeneration = "V1"; r.OsState = "Generalized"; }), new RecordingHost());
        Assert.Equal("V1", image!.HyperVGeneration);
    }
}
