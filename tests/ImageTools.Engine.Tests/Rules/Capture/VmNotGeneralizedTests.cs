using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Rules.Capture;

[Collection(EmulatorCollection.Name)]
public class VmNotGeneralizedTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_vm_that_is_not_generalized_is_refused_suggesting_generalize_or_a_specialized_version()
    {
        var group = EmulatorFixture.NewGroup("notgen");
        var vm = await emulator.SeedVmAsync(group, "base01");

        var e = await emulator.CaptureRefusedAsync(group, Refusals.Capture(vm.Id));

        var finding = e.Refusal("VmNotGeneralized");
        Assert.Contains("'base01' is not generalized", finding.Message);
        Assert.Contains("running", finding.Message);
        Assert.Contains("Invoke-VmGeneralize", finding.Remedy);
        Assert.Contains("specialized gallery version", finding.Remedy);
    }
}
