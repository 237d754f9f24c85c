using ImageTools.Engine.Operations.Publish;

namespace ImageTools.Engine.Tests.Publish;

/// <summary>Replication is read, not awaited as an LRO: the pause between reads when the session sets none.</summary>
public class ReplicationPollingTests
{
    [Fact]
    public void Replication_is_read_every_5_s_doubling_to_at_most_60_s()
    {
        var delays = Enumerable.Range(1, 8).Select(a => PublishOperation.DefaultReplicationDelay(a).TotalSeconds).ToArray();
        Assert.Equal(new double[] { 5, 10, 20, 40, 60, 60, 60, 60 }, delays);
    }
}
