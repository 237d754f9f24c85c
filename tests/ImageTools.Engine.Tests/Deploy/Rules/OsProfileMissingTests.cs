using ImageTools.Engine.Requests;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Deploy.Rules;

[Collection(EmulatorCollection.Name)]
public class OsProfileMissingTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_generalized_source_without_credentials_is_refused_with_ARMs_text()
    {
        var group = EmulatorFixture.NewGroup("dr-osp");
        var image = await DeployKit.ImageAsync(emulator, group);

        var e = await DeployKit.RefusedAsync(emulator, group, DeployKit.Request(group, image, configure: r => r.Credential = null));

        Assert.Contains("Required parameter 'osProfile' is missing (null).", e.Refusal("OsProfileMissing").Message);
    }
}
