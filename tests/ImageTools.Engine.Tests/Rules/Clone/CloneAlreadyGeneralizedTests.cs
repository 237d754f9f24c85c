using ImageTools.Engine.Tests.Infrastructure;
using ImageTools.Models;

namespace ImageTools.Engine.Tests.Rules.Clone;

[Collection(EmulatorCollection.Name)]
public class CloneAlreadyGeneralizedTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_rerun_after_the_clone_was_generalized_emits_it_without_a_write()
    {
        var group = EmulatorFixture.NewGroup("clone-done");
        var source = await emulator.SeedVmAsync(group, "base01");
        var first = await emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "base01", r => r.Clone = true), new RecordingHost());
        Assert.NotNull(first);

        var mark = await emulator.MarkAsync();
        var host = new RecordingHost();
        var again = await emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "base01", r => r.Clone = true), host);

        await emulator.AssertNoWritesAsync(group, mark);
        Assert.Equal(first!.Id, again!.Id);
        Assert.Equal("Generalized", again.OsState);
        Assert.Equal(source.Id, again.CloneOfVmId, ignoreCase: true);
        Assert.Contains(host.Verbose, v => v.Contains("CloneAlreadyGeneralized") || v.Contains("is already generalized; nothing to do"));
        Assert.Single(host.Objects.OfType<VmInfo>());
    }
}
