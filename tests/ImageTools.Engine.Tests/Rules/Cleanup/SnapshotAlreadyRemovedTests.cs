using ImageTools.Engine.Requests;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Rules.Cleanup;

[Collection(EmulatorCollection.Name)]
public class SnapshotAlreadyRemovedTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task Removing_a_snapshot_that_is_gone_writes_nothing_and_says_so()
    {
        var group = EmulatorFixture.NewGroup("snap-gone");
        await emulator.SeedVmAsync(group, "base01");
        var mark = await emulator.MarkAsync();
        var host = new RecordingHost();

        var result = await emulator.Engine.RemoveSnapshotAsync(new SnapshotRemoveRequest { Snapshot = ResourceReference.FromName(group, "base01-os-pregeneralize") }, host);

        Assert.Null(result);
        await emulator.AssertNoWritesAsync(group, mark);
        Assert.Contains(host.Verbose, v => v.Contains("does not exist (already removed)"));
    }
}
