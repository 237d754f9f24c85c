using ImageTools.Engine.Hosting;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Rules.Capture;

[Collection(EmulatorCollection.Name)]
public class SourceNotFoundTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_missing_source_is_refused_as_not_found()
    {
        var group = EmulatorFixture.NewGroup("nosource");
        await emulator.SeedVmAsync(group, "present");
        var missing = $"/subscriptions/{emulator.SubscriptionId}/resourceGroups/{group}/providers/Microsoft.Compute/virtualMachines/absent";

        var e = await emulator.CaptureRefusedAsync(group, Refusals.Capture(missing));

        var finding = e.Refusal("SourceNotFound");
        Assert.Contains("absent", finding.Message);
        Assert.Equal(FailureCategory.ObjectNotFound, e.Category);
    }
}
