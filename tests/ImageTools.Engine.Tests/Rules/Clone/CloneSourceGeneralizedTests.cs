using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Rules.Clone;

[Collection(EmulatorCollection.Name)]
public class CloneSourceGeneralizedTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_generalized_source_is_not_cloned_and_the_remedy_names_the_capture()
    {
        var group = EmulatorFixture.NewGroup("clone-gen");
        var id = await emulator.GeneralizedVmAsync(group, "base01");

        var e = await emulator.GeneralizeRefusedAsync(group, Refusals.Generalize(group, "base01", r => r.Clone = true));

        var finding = e.Refusal("CloneSourceGeneralized");
        Assert.Contains("'base01' is already generalized", finding.Message);
        Assert.Contains("New-CapturedImage", finding.Remedy);
        Assert.Equal(id, finding.TargetId, ignoreCase: true);
    }
}
