using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Rules.Restore;

[Collection(EmulatorCollection.Name)]
public class RestoreVmNameTakenTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_generalized_VM_is_not_restored_over_a_VM_that_holds_the_new_name()
    {
        var group = EmulatorFixture.NewGroup("restore-taken");
        await emulator.SeedVmAsync(group, "base01");
        await emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "base01"), new RecordingHost());
        var other = await emulator.SeedVmAsync(group, "base01-restored");

        var e = await emulator.RestoreRefusedAsync(group, Refusals.Restore(group, "base01"));

        var finding = e.Refusal("RestoreVmNameTaken");
        Assert.Contains("'base01-restored' already exists", finding.Message);
        Assert.Contains("-NewVmName", finding.Remedy);
        Assert.Equal(other.Id, finding.TargetId, ignoreCase: true);
    }
}
