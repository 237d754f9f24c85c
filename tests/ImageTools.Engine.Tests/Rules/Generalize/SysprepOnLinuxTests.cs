using ImageTools.Engine.Requests;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Rules.Generalize;

[Collection(EmulatorCollection.Name)]
public class SysprepOnLinuxTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task Sysprep_requested_on_a_linux_vm_is_refused()
    {
        var group = EmulatorFixture.NewGroup("sysprep-linux");
        await emulator.SeedVmAsync(group, "lin01", os: "Linux");

        var e = await emulator.GeneralizeRefusedAsync(group, Refusals.Generalize(group, "lin01", r => r.Method = GeneralizeMethod.Sysprep));

        var finding = e.Refusal("SysprepOnLinux");
        Assert.Contains("runs Linux", finding.Message);
        Assert.Contains("waagent -deprovision+user -force", finding.Remedy);
        var guest = await emulator.Control.GetGuestAsync(group, "lin01");
        Assert.Empty(guest.Scripts!);
    }
}
