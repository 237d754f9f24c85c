using ImageTools.Engine.Requests;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Deploy.Rules;

[Collection(EmulatorCollection.Name)]
public class VmExistsFromOtherSourceTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_name_taken_by_a_VM_from_another_source_is_an_error_for_that_name_only()
    {
        var group = EmulatorFixture.NewGroup("dr-other");
        var first = await DeployKit.ImageAsync(emulator, group, "first");
        var second = await DeployKit.ImageAsync(emulator, group, "second");
        await DeployKit.DeployAsync(emulator, DeployKit.Request(group, first, "app", 2));
        var mark = await emulator.MarkAsync();

        var host = await DeployKit.DeployAsync(emulator, DeployKit.Request(group, second, "app", 3));

        Assert.Equal(2, host.Errors.Count(e => e.RuleId == "VmExistsFromOtherSource"));
        Assert.Equal("app-03", Assert.Single(DeployKit.Vms(host)).Name);
        Assert.Equal(new[] { "app-03" }, await DeployKit.VmPutsAsync(emulator, group, mark));
    }
}
