using ImageTools.Engine.Requests;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Deploy.Rules;

[Collection(EmulatorCollection.Name)]
public class DeployResourceGroupNotFoundTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_missing_target_resource_group_is_refused_before_any_write()
    {
        var group = EmulatorFixture.NewGroup("dr-rg");
        var image = await DeployKit.ImageAsync(emulator, group);
        var missing = EmulatorFixture.NewGroup("dr-rg-missing");
        var mark = await emulator.MarkAsync();

        var e = await DeployKit.RefusedAsync(emulator, missing, DeployKit.Request(missing, image));

        Assert.Contains(missing, e.Refusal("DeployResourceGroupNotFound").Message);
        await emulator.AssertNoWritesAsync(group, mark);
    }
}
