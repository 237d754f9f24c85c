using ImageTools.Engine.Requests;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Deploy.Rules;

[Collection(EmulatorCollection.Name)]
public class OsProfileNotAllowedTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_specialized_source_with_credentials_is_refused_with_ARMs_text()
    {
        var group = EmulatorFixture.NewGroup("dr-ospna");
        var image = await SpecializedSource.VersionAsync(emulator, group);

        var e = await DeployKit.RefusedAsync(emulator, group, DeployKit.Request(group, image));

        Assert.Contains("Parameter 'osProfile' is not allowed.", e.Refusal("OsProfileNotAllowed").Message);
    }

    [Fact]
    public async Task A_specialized_source_without_credentials_is_created_without_an_os_profile()
    {
        var group = EmulatorFixture.NewGroup("dr-spec-ok");
        var image = await SpecializedSource.VersionAsync(emulator, group);

        var host = await DeployKit.DeployAsync(emulator, DeployKit.Request(group, image, "copy", configure: r => r.Credential = null));

        Assert.Empty(host.Errors);
        Assert.Single(DeployKit.Vms(host));
    }
}
