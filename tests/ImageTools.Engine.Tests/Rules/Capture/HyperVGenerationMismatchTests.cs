using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Rules.Capture;

[Collection(EmulatorCollection.Name)]
public class HyperVGenerationMismatchTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_generation_different_from_the_sources_is_refused_naming_both()
    {
        var group = EmulatorFixture.NewGroup("hyperv");
        var vm = await emulator.GeneralizedVmAsync(group, "gen2vm", generation: "V2");

        var e = await emulator.CaptureRefusedAsync(group, Refusals.Capture(vm, r => r.HyperVGeneration = "V1"));

        var finding = e.Refusal("HyperVGenerationMismatch");
        Assert.Contains("-HyperVGeneration V1 does not match the Hyper-V generation V2", finding.Message);
        Assert.Contains("Omit -HyperVGeneration", finding.Remedy);
    }

    [Fact]
    public async Task Without_a_generation_the_image_takes_the_sources_never_a_silent_v1()
    {
        var group = EmulatorFixture.NewGroup("hyperv-default");
        var vm = await emulator.GeneralizedVmAsync(group, "gen2vm", generation: "V2");

        var image = await emulator.Engine.CaptureAsync(Refusals.Capture(vm), new RecordingHost());

        Assert.Equal("V2", image!.HyperVGeneration);
    }
}
