using ImageTools.Engine.Requests;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Deploy.Rules;

[Collection(EmulatorCollection.Name)]
public class VmSizeNotOfferedTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_size_the_location_does_not_offer_is_refused()
    {
        var group = EmulatorFixture.NewGroup("dr-size");
        var image = await DeployKit.ImageAsync(emulator, group);

        var e = await DeployKit.RefusedAsync(emulator, group, DeployKit.Request(group, image, configure: r => r.VmSize = "Standard_Z99"));

        Assert.Contains("Standard_Z99", e.Refusal("VmSizeNotOffered").Message);
    }
}
