using ImageTools.Engine.Hosting;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Publish;

/// <summary>-ReplicationTimeout (Publish-GalleryVersion): a limit that is not a positive time span is refused before any request.</summary>
[Collection(EmulatorCollection.Name)]
public class ReplicationTimeoutTests(EmulatorFixture emulator)
{
    [Theory]
    [InlineData(0)]
    [InlineData(-30)]
    public async Task A_non_positive_replication_timeout_is_refused_before_any_request(int minutes)
    {
        var group = EmulatorFixture.NewGroup("pub-timeout");
        var imageId = await PublishKit.ImageAsync(emulator, group, "img");
        var mark = await emulator.MarkAsync();
        var request = PublishKit.Request(group, imageId, configure: r => r.ReplicationTimeout = TimeSpan.FromMinutes(minutes));

        var e = await Assert.ThrowsAsync<ImageToolsException>(() => emulator.Engine.PublishAsync(request, new RecordingHost()));

        Assert.Equal("InvalidTimeout", e.RuleId);
        Assert.Equal(FailureCategory.InvalidArgument, e.Category);
        Assert.Contains("-ReplicationTimeout", e.Message);
        Assert.Empty((await emulator.Control.GetRequestsAsync()).Where(r => r.Sequence > mark && !r.Path.StartsWith("/_emulator", StringComparison.Ordinal)));
    }
}
