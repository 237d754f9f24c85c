using ImageTools.Engine.Requests;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Deploy.Rules;

[Collection(EmulatorCollection.Name)]
public class ComputerNameInvalidTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task An_all_digit_Windows_computer_name_is_refused()
    {
        var group = EmulatorFixture.NewGroup("dr-cn");
        var image = await DeployKit.ImageAsync(emulator, group);

        var e = await DeployKit.RefusedAsync(emulator, group, DeployKit.Request(group, image, "123456"));

        Assert.Contains("entirely numeric", e.Refusal("ComputerNameInvalid").Message);
    }

    [Fact]
    public async Task Every_generated_name_is_checked_before_any_write()
    {
        var group = EmulatorFixture.NewGroup("dr-cn-dot");
        var image = await DeployKit.ImageAsync(emulator, group);

        var e = await DeployKit.RefusedAsync(emulator, group, DeployKit.Request(group, image, "web.tier", 3));

        Assert.Contains("web.tier-01", e.Refusal("ComputerNameInvalid").Message);
    }

    [Fact]
    public async Task Twelve_VMs_with_a_long_base_name_get_twelve_distinct_valid_computer_names()
    {
        var group = EmulatorFixture.NewGroup("dr-cn-12");
        var image = await DeployKit.ImageAsync(emulator, group);

        var host = await DeployKit.DeployAsync(emulator, DeployKit.Request(group, image, "webfrontendserver", 12));

        Assert.Empty(host.Errors);
        var names = DeployKit.Vms(host).Select(v => v.ComputerName).ToList();
        Assert.Equal(12, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(names, n => Assert.True(n.Length <= 15, n));
        Assert.Contains("webfrontends-01", names);
    }
}
