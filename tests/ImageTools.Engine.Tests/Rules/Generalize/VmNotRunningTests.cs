using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Rules.Generalize;

[Collection(EmulatorCollection.Name)]
public class VmNotRunningTests(EmulatorFixture emulator)
{
    [Theory]
    [InlineData("stopped")]
    [InlineData("deallocated")]
    public async Task A_vm_that_is_not_running_is_refused_with_the_power_state_seen(string state)
    {
        var group = EmulatorFixture.NewGroup("notrunning");
        await emulator.SeedVmAsync(group, "base01", state: state);

        var e = await emulator.GeneralizeRefusedAsync(group, Refusals.Generalize(group, "base01"));

        var finding = e.Refusal("VmNotRunning");
        Assert.Contains($"is {state} (PowerState/{state})", finding.Message);
        Assert.Contains("-Start", finding.Remedy);
    }

    [Fact]
    public async Task With_start_a_deallocated_vm_is_started_then_generalized()
    {
        var group = EmulatorFixture.NewGroup("start");
        await emulator.SeedVmAsync(group, "base01", state: "deallocated");
        var host = new RecordingHost();

        var vm = await emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "base01", r => r.StartIfStopped = true), host);

        Assert.Equal("Generalized", vm!.OsState);
        Assert.Contains(host.ShouldProcessCalls, c => c.Action.StartsWith("Start the VM"));
        var writes = await emulator.WritesAsync(group);
        Assert.Equal("POST", writes[0].Method);
        Assert.EndsWith("/start", writes[0].Path);
    }
}
