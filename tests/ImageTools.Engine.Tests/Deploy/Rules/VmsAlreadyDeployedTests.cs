using ImageTools.Engine.Requests;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Deploy.Rules;

[Collection(EmulatorCollection.Name)]
public class VmsAlreadyDeployedTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_rerun_emits_the_existing_VMs_and_writes_nothing()
    {
        var group = EmulatorFixture.NewGroup("dr-done");
        var image = await DeployKit.ImageAsync(emulator, group);
        await DeployKit.DeployAsync(emulator, DeployKit.Request(group, image, "app", 2));
        var mark = await emulator.MarkAsync();

        var host = await DeployKit.DeployAsync(emulator, DeployKit.Request(group, image, "app", 2));

        Assert.Empty(host.Errors);
        Assert.Equal(new[] { "app-01", "app-02" }, DeployKit.Vms(host).Select(v => v.Name).OrderBy(n => n));
        Assert.Contains(host.Verbose, v => v.Contains("already exist"));
        await emulator.AssertNoWritesAsync(group, mark);
    }
}
