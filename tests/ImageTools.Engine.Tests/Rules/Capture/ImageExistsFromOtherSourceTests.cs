using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Rules.Capture;

[Collection(EmulatorCollection.Name)]
public class ImageExistsFromOtherSourceTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task An_image_of_that_name_from_another_source_is_refused_unless_replacing()
    {
        var group = EmulatorFixture.NewGroup("othersource");
        var first = await emulator.GeneralizedVmAsync(group, "gold1");
        var second = await emulator.GeneralizedVmAsync(group, "gold2");
        await emulator.Engine.CaptureAsync(Refusals.Capture(first, r => r.ImageName = "web"), new RecordingHost());

        var e = await emulator.CaptureRefusedAsync(group, Refusals.Capture(second, r => r.ImageName = "web"));

        var finding = e.Refusal("ImageExistsFromOtherSource");
        Assert.Contains("from another source", finding.Message);
        Assert.Contains("gold1", finding.Message);
        Assert.Contains("-Replace", finding.Remedy);

        var host = new RecordingHost();
        var replaced = await emulator.Engine.CaptureAsync(Refusals.Capture(second, r => { r.ImageName = "web"; r.Replace = true; }), host);
        Assert.Equal(second, replaced!.SourceId, ignoreCase: true);
        Assert.Contains(host.Warnings, w => w.Contains("will be deleted and captured again"));
    }
}
