using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Rules.Restore;

[Collection(EmulatorCollection.Name)]
public class RestoreSnapshotMissingTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_VM_without_pre_generalize_snapshots_is_refused_with_no_write()
    {
        var group = EmulatorFixture.NewGroup("restore-none");
        await emulator.SeedVmAsync(group, "base01");

        var e = await emulator.RestoreRefusedAsync(group, Refusals.Restore(group, "base01"));

        var finding = e.Refusal("RestoreSnapshotMissing");
        Assert.Contains("has no pre-generalize snapshots", finding.Message);
        Assert.Contains("'base01-os-pregeneralize'", finding.Message);
    }

    [Fact]
    public async Task A_data_disk_without_its_snapshot_makes_the_set_incomplete()
    {
        var group = EmulatorFixture.NewGroup("restore-partial");
        var vm = await emulator.SeedVmAsync(group, "base01", configure: r => r.DataDisks = 1);
        await emulator.Gateway.CreateSnapshotAsync(new ImageTools.Engine.Gateway.SnapshotSpec
        {
            SubscriptionId = emulator.SubscriptionId, ResourceGroupName = group, Name = "base01-os-pregeneralize", Location = "eastus",
            SourceDiskId = ImageTools.Engine.Gateway.ArmId.Parse(vm.OsDiskId), Tags = new Dictionary<string, string> { ["imagetools-snapshot-of"] = "base01" },
        }, default);

        var e = await emulator.RestoreRefusedAsync(group, Refusals.Restore(group, "base01"));

        var finding = e.Refusal("RestoreSnapshotMissing");
        Assert.Contains("incomplete", finding.Message);
        Assert.Contains("'base01-lun0-pregeneralize'", finding.Message);
        Assert.DoesNotContain("base01-os-pregeneralize", finding.Message);
    }
}
