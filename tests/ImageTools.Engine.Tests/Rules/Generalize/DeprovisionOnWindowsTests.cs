using ImageTools.Engine.Requests;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Rules.Generalize;

[Collection(EmulatorCollection.Name)]
public class DeprovisionOnWindowsTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task Cloud_init_clean_or_waagent_on_a_windows_vm_is_refused()
    {
        var group = EmulatorFixture.NewGroup("deprov-win");
        await emulator.SeedVmAsync(group, "win01");

        var cloudInit = await emulator.GeneralizeRefusedAsync(group, Refusals.Generalize(group, "win01", r => r.CloudInitClean = true));
        var waagent = await emulator.GeneralizeRefusedAsync(group, Refusals.Generalize(group, "win01", r => r.Method = GeneralizeMethod.Deprovision));

        Assert.Contains("cloud-init clean was requested", cloudInit.Refusal("DeprovisionOnWindows").Message);
        Assert.Contains("waagent deprovisioning was requested", waagent.Refusal("DeprovisionOnWindows").Message);
        Assert.Contains("Sysprep", waagent.Remedy);
    }
}
