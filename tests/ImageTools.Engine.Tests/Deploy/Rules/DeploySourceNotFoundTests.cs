using ImageTools.Engine.Requests;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Deploy.Rules;

[Collection(EmulatorCollection.Name)]
public class DeploySourceNotFoundTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_missing_image_is_refused()
    {
        var group = EmulatorFixture.NewGroup("dr-src");
        await emulator.SeedVmAsync(group, "other");
        var id = $"/subscriptions/{emulator.SubscriptionId}/resourceGroups/{group}/providers/Microsoft.Compute/images/nope";

        var e = await DeployKit.RefusedAsync(emulator, group, DeployKit.Request(group, id));

        Assert.Contains("nope", e.Refusal("DeploySourceNotFound").Message);
    }

    [Fact]
    public async Task A_missing_gallery_version_is_refused()
    {
        var group = EmulatorFixture.NewGroup("dr-src-gv");
        var version = await DeployKit.VersionAsync(emulator, group);
        var missing = version.Id.Replace("/versions/1.0.0", "/versions/9.9.9");

        var e = await DeployKit.RefusedAsync(emulator, group, DeployKit.Request(group, missing));

        Assert.Contains("9.9.9", e.Refusal("DeploySourceNotFound").Message);
    }
}
