using ImageTools.Engine.Requests;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Deploy.Rules;

[Collection(EmulatorCollection.Name)]
public class SpecializedCopiesTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task Several_copies_of_a_specialized_source_are_refused_unless_allowed()
    {
        var group = EmulatorFixture.NewGroup("dr-copies");
        var image = await SpecializedSource.VersionAsync(emulator, group);

        var e = await DeployKit.RefusedAsync(emulator, group, DeployKit.Request(group, image, "copy", 2, r => r.Credential = null));
        Assert.Contains("SID", e.Refusal("SpecializedCopies").Message);

        var host = await DeployKit.DeployAsync(emulator, DeployKit.Request(group, image, "copy", 2, r => { r.Credential = null; r.AllowSpecializedCopies = true; }));
        Assert.Empty(host.Errors);
        Assert.Equal(2, DeployKit.Vms(host).Count);
    }
}
