using ImageTools.Engine.Requests;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Deploy.Rules;

[Collection(EmulatorCollection.Name)]
public class VmNameInvalidTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_VM_name_ending_with_a_period_is_refused()
    {
        var group = EmulatorFixture.NewGroup("dr-vmname");
        var image = await DeployKit.ImageAsync(emulator, group);

        var e = await DeployKit.RefusedAsync(emulator, group, DeployKit.Request(group, image, "web."));

        Assert.Contains("web.", e.Refusal("VmNameInvalid").Message);
    }
}
