using ImageTools.Engine.Requests;
using ImageTools.Engine.Rules;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Rules.Cleanup;

[Collection(EmulatorCollection.Name)]
public class SnapshotNotMadeByImageToolsTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_snapshot_without_ImageTools_tags_is_refused_and_kept()
    {
        var group = EmulatorFixture.NewGroup("snap-foreign");
        var vm = await emulator.SeedVmAsync(group, "base01");
        var id = await emulator.SnapshotAsync(group, "nightly", vm.OsDiskId, ("owner", "backup-team"));
        var mark = await emulator.MarkAsync();

        var e = await Assert.ThrowsAsync<PreflightException>(() =>
            emulator.Engine.RemoveSnapshotAsync(new SnapshotRemoveRequest { Snapshot = ResourceReference.FromId(id) }, new RecordingHost()));

        await emulator.AssertNoWritesAsync(group, mark);
        var finding = e.Refusal("SnapshotNotMadeByImageTools");
        Assert.Contains("'nightly' was not made by ImageTools", finding.Message);
        Assert.Contains("Remove-AzSnapshot", finding.Remedy);
        Assert.True(await emulator.ExistsArmAsync(id, "2023-04-02"));
    }
}
