using ImageTools.Engine.Tests.Infrastructure;
using ImageTools.Models;

namespace ImageTools.Engine.Tests.Rules.Restore;

[Collection(EmulatorCollection.Name)]
public class VmAlreadyRestoredTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_generalized_VM_restored_as_a_new_VM_is_not_restored_twice()
    {
        var group = EmulatorFixture.NewGroup("restore-twice");
        var vm = await emulator.SeedVmAsync(group, "base01");
        await emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "base01"), new RecordingHost());
        var first = await emulator.Engine.RestoreAsync(Refusals.Restore(group, "base01"), new RecordingHost());

        var mark = await emulator.MarkAsync();
        var host = new RecordingHost();
        var again = await emulator.Engine.RestoreAsync(Refusals.Restore(group, "base01"), host);

        await emulator.AssertNoWritesAsync(group, mark);
        Assert.Equal(first!.Id, again!.Id);
        Assert.Equal("base01-restored", again.Name);
        Assert.Equal(vm.Id, again.Tags["imagetools-restored-from"], ignoreCase: true);
        Assert.Contains(host.Verbose, v => v.Contains("was already restored as VM 'base01-restored'"));
        Assert.Single(host.Objects.OfType<VmInfo>());
    }
}
