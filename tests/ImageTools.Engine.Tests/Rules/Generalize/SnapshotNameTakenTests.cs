using ImageTools.Engine.Gateway;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Rules.Generalize;

[Collection(EmulatorCollection.Name)]
public class SnapshotNameTakenTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_snapshot_name_taken_by_another_disk_is_refused_and_not_overwritten()
    {
        var group = EmulatorFixture.NewGroup("snapname");
        await emulator.SeedVmAsync(group, "base01");
        var other = await emulator.SeedVmAsync(group, "other01");
        await emulator.Gateway.CreateSnapshotAsync(new SnapshotSpec
        {
            SubscriptionId = emulator.SubscriptionId, ResourceGroupName = group, Name = "base01-os-pregeneralize",
            Location = "eastus", SourceDiskId = ArmId.Parse(other.OsDiskId),
        }, default);

        var e = await emulator.GeneralizeRefusedAsync(group, Refusals.Generalize(group, "base01"));

        var finding = e.Refusal("SnapshotNameTaken");
        Assert.Contains("base01-os-pregeneralize", finding.Message);
        Assert.Contains(other.OsDiskId, finding.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("-SkipSnapshot", finding.Remedy);
    }
}
