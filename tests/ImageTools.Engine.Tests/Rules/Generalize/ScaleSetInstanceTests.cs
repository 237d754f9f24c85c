using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Rules.Generalize;

[Collection(EmulatorCollection.Name)]
public class ScaleSetInstanceTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_scale_set_instance_is_refused_naming_its_scale_set()
    {
        var group = EmulatorFixture.NewGroup("vmss");
        var scaleSet = $"/subscriptions/{emulator.SubscriptionId}/resourceGroups/{group}/providers/Microsoft.Compute/virtualMachineScaleSets/web-ss";
        await emulator.SeedVmAsync(group, "web-ss_1", configure: r => r.ScaleSetId = scaleSet);

        var e = await emulator.GeneralizeRefusedAsync(group, Refusals.Generalize(group, "web-ss_1"));

        var finding = e.Refusal("ScaleSetInstance");
        Assert.Contains("web-ss", finding.Message);
        Assert.Contains("standalone VM", finding.Remedy);
    }
}
