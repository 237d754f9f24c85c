using ImageTools.Engine.Operations;

namespace ImageTools.Engine.Tests.Publish;

/// <summary>Replication is read, not awaited as an LRO: the pause between reads when the session sets none.</summary>
public class ReplicationPollingTests
{
    [Fact]
    public void Before_any_progress_shows_replication_is_read_after_1_s_doubling_to_at_most_60_s()
    {
        var delays = Enumerable.Range(1, 9).Select(a => ReplicationWatch.DefaultDelay(a).TotalSeconds).ToArray();
        Assert.Equal(new double[] { 1, 2, 4, 8, 16, 32, 60, 60, 60 }, delays);
    }

    [Theory]
    [InlineData(10, 50, 10)]   // half done after 10 s: 10 s more
    [InlineData(30, 75, 10)]   // three quarters after 30 s: 10 s more
    [InlineData(1, 99, 1)]     // nearly done: read again after 1 s, not sooner
    [InlineData(600, 10, 60)]  // slow: never more than 60 s apart
    public void Once_progress_shows_the_next_read_comes_when_the_slowest_region_should_be_done(double elapsedSeconds, int progress, double expected)
    {
        Assert.Equal(expected, ReplicationWatch.DefaultDelay(3, TimeSpan.FromSeconds(elapsedSeconds), progress).TotalSeconds, 3);
    }
}
