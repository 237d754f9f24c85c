using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Rules.Clone;

[Collection(EmulatorCollection.Name)]
public class CloneNameTakenTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_VM_holding_the_clone_name_that_is_no_clone_of_the_source_is_refused_and_left_alone()
    {
        var group = EmulatorFixture.NewGroup("clone-taken");
        await emulator.SeedVmAsync(group, "base01");
        var other = await emulator.SeedVmAsync(group, "base01-clone");

        var e = await emulator.GeneralizeRefusedAsync(group, Refusals.Generalize(group, "base01", r => r.Clone = true));

        var finding = e.Refusal("CloneNameTaken");
        Assert.Contains("imagetools-clone-of", finding.Message);
        Assert.Contains("-CloneName", finding.Remedy);
        Assert.Equal(other.Id, finding.TargetId, ignoreCase: true);
        Assert.Equal("running", (await emulator.Control.GetGuestAsync(group, "base01-clone")).PowerState);
    }

    [Fact]
    public async Task A_disk_holding_a_clone_disk_name_is_refused()
    {
        var group = EmulatorFixture.NewGroup("clone-disktaken");
        await emulator.SeedVmAsync(group, "base01");
        var disk = await emulator.BareDiskAsync(group, "base01-clone-os", "Windows", "V2");

        var e = await emulator.GeneralizeRefusedAsync(group, Refusals.Generalize(group, "base01", r => r.Clone = true));

        Assert.Equal(disk, e.Refusal("CloneNameTaken").TargetId, ignoreCase: true);
    }
}
