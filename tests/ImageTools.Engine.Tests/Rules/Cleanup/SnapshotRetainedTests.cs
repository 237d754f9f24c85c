using ImageTools.Engine.Requests;
using ImageTools.Engine.Rules;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Rules.Cleanup;

[Collection(EmulatorCollection.Name)]
public class SnapshotRetainedTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_snapshot_retained_into_the_future_is_kept_unless_IgnoreRetention()
    {
        var group = EmulatorFixture.NewGroup("snap-retained");
        var vm = await emulator.SeedVmAsync(group, "base01");
        var until = SnapshotKit.Utc(DateTime.UtcNow.AddDays(7));
        var id = await emulator.SnapshotAsync(group, "base01-os-pregeneralize", vm.OsDiskId, ("imagetools-snapshot-of", "base01"), ("imagetools-retain-until", until));
        var mark = await emulator.MarkAsync();

        var e = await Assert.ThrowsAsync<PreflightException>(() =>
            emulator.Engine.RemoveSnapshotAsync(new SnapshotRemoveRequest { Snapshot = ResourceReference.FromId(id) }, new RecordingHost()));
        await emulator.AssertNoWritesAsync(group, mark);
        var finding = e.Refusal("SnapshotRetained");
        Assert.Contains("retained until " + until, finding.Message);
        Assert.Contains("-IgnoreRetention", finding.Remedy);

        var removed = await emulator.Engine.RemoveSnapshotAsync(new SnapshotRemoveRequest { Snapshot = ResourceReference.FromId(id), IgnoreRetention = true }, new RecordingHost());
        Assert.True(removed!.Removed);
        Assert.False(await emulator.ExistsArmAsync(id, "2023-04-02"));
    }
}
