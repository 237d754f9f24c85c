using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Rules.Clone;

[Collection(EmulatorCollection.Name)]
public class CloneNameInvalidTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_clone_name_that_is_no_VM_name_is_refused_before_any_snapshot()
    {
        var group = EmulatorFixture.NewGroup("clone-badname");
        await emulator.SeedVmAsync(group, "base01");

        var e = await emulator.GeneralizeRefusedAsync(group, Refusals.Generalize(group, "base01", r => { r.Clone = true; r.CloneName = "bad name!"; }));

        var finding = e.Refusal("CloneNameInvalid");
        Assert.Contains("bad name!", finding.Message);
        Assert.Contains("-CloneName", finding.Remedy);
        Assert.Equal(Hosting.FailureCategory.InvalidArgument, finding.Category);
    }
}
