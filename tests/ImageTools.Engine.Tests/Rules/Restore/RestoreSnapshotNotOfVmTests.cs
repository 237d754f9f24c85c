using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Rules.Restore;

[Collection(EmulatorCollection.Name)]
public class RestoreSnapshotNotOfVmTests(EmulatorFixture emulator)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_snapshot_of_another_disk_or_without_the_VMs_tag_is_not_restored(bool otherDisk)
    {
        var group = EmulatorFixture.NewGroup("restore-foreign");
        var vm = await emulator.SeedVmAsync(group, "base01");
        var other = await emulator.SeedVmAsync(group, "other01");
        await emulator.Gateway.CreateSnapshotAsync(new ImageTools.Engine.Gateway.SnapshotSpec
        {
            SubscriptionId = emulator.SubscriptionId, ResourceGroupName = group, Name = "base01-os-pregeneralize", Location = "eastus",
            SourceDiskId = ImageTools.Engine.Gateway.ArmId.Parse(otherDisk ? other.OsDiskId : vm.OsDiskId),
            Tags = new Dictionary<string, string> { ["imagetools-snapshot-of"] = otherDisk ? "base01" : "other01" },
        }, default);

        var e = await emulator.RestoreRefusedAsync(group, Refusals.Restore(group, "base01"));

        var finding = e.Refusal("RestoreSnapshotNotOfVm");
        Assert.Contains("does not belong to VM 'base01'", finding.Message);
        Assert.Contains("Nothing was restored", finding.Remedy);
        Assert.EndsWith("/snapshots/base01-os-pregeneralize", finding.TargetId);
    }
}
