using ImageTools.Engine.Gateway;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Rules.Capture;

[Collection(EmulatorCollection.Name)]
public class StoppedNotDeallocatedTests(EmulatorFixture emulator)
{
    /// <summary>A VM marked generalized while stopped (allowed by ARM) still holds its hardware.</summary>
    private async Task<string> GeneralizedButStoppedAsync(string group)
    {
        var vm = await emulator.SeedVmAsync(group, "gold", state: "stopped");
        await emulator.Gateway.GeneralizeVmAsync(ArmId.Parse(vm.Id), default);
        return vm.Id;
    }

    [Fact]
    public async Task A_generalized_vm_that_is_stopped_not_deallocated_is_refused_naming_the_difference()
    {
        var group = EmulatorFixture.NewGroup("stopped");
        var vm = await GeneralizedButStoppedAsync(group);

        var e = await emulator.CaptureRefusedAsync(group, Refusals.Capture(vm));

        var finding = Assert.Single(e.Refusals);
        Assert.Equal("StoppedNotDeallocated", finding.RuleId);
        Assert.Contains("stopped but not deallocated", finding.Message);
        Assert.Contains("-Deallocate", finding.Remedy);
    }

    [Fact]
    public async Task With_deallocate_the_vm_is_deallocated_then_captured()
    {
        var group = EmulatorFixture.NewGroup("stopped-dealloc");
        var vm = await GeneralizedButStoppedAsync(group);
        var mark = await emulator.MarkAsync();

        var image = await emulator.Engine.CaptureAsync(Refusals.Capture(vm, r => r.Deallocate = true), new RecordingHost());

        Assert.Equal("Succeeded", image!.ProvisioningState);
        var writes = await emulator.WritesAsync(group, mark);
        Assert.EndsWith("/deallocate", writes[0].Path);
        Assert.Equal("PUT", writes[1].Method);
        Assert.EndsWith("/images/gold-image", writes[1].Path);
    }
}
