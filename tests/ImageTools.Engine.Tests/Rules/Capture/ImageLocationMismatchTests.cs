using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Rules.Capture;

[Collection(EmulatorCollection.Name)]
public class ImageLocationMismatchTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task An_image_location_other_than_the_sources_is_refused_naming_both()
    {
        var group = EmulatorFixture.NewGroup("location");
        var vm = await emulator.GeneralizedVmAsync(group, "gold");

        var e = await emulator.CaptureRefusedAsync(group, Refusals.Capture(vm, r => r.Location = "westeurope"));

        var finding = e.Refusal("ImageLocationMismatch");
        Assert.Contains("-Location westeurope differs from the location eastus", finding.Message);
        Assert.Contains("Publish-GalleryVersion -TargetRegion", finding.Remedy);
    }
}
