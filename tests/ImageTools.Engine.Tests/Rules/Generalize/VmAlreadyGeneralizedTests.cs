using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Rules.Generalize;

[Collection(EmulatorCollection.Name)]
public class VmAlreadyGeneralizedTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_generalized_vm_is_emitted_as_it_is_without_a_write()
    {
        var group = EmulatorFixture.NewGroup("already");
        var seeded = await emulator.SeedVmAsync(group, "gold", state: "generalized");
        var host = new RecordingHost();
        var mark = await emulator.MarkAsync();

        var vm = await emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "gold"), host);

        Assert.Equal("Generalized", vm!.OsState);
        Assert.Equal(seeded.Id, vm.Id, ignoreCase: true);
        Assert.Empty(vm.SnapshotIds);
        Assert.Same(vm, Assert.Single(host.Objects));
        Assert.Empty(host.ShouldProcessCalls);
        Assert.Contains(host.Verbose, v => v.Contains("already generalized"));
        await emulator.AssertNoWritesAsync(group, mark);
    }
}
