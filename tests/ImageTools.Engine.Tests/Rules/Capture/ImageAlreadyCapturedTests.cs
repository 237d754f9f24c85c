using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Rules.Capture;

[Collection(EmulatorCollection.Name)]
public class ImageAlreadyCapturedTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_rerun_returns_the_image_made_from_the_same_source_without_a_write()
    {
        var group = EmulatorFixture.NewGroup("rerun");
        var vm = await emulator.GeneralizedVmAsync(group, "gold");
        var first = await emulator.Engine.CaptureAsync(Refusals.Capture(vm), new RecordingHost());
        var mark = await emulator.MarkAsync();
        var host = new RecordingHost();

        var second = await emulator.Engine.CaptureAsync(Refusals.Capture(vm), host);

        Assert.Equal(first!.Id, second!.Id);
        Assert.Equal(vm, second.SourceId, ignoreCase: true);
        Assert.Empty(host.ShouldProcessCalls);
        Assert.Contains(host.Verbose, v => v.Contains("already exists from 'gold'"));
        await emulator.AssertNoWritesAsync(group, mark);
    }
}
