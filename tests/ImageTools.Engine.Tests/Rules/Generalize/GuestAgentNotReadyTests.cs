using ImageTools.Emulator.Control;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Rules.Generalize;

[Collection(EmulatorCollection.Name)]
public class GuestAgentNotReadyTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_running_vm_whose_agent_is_not_ready_is_refused_with_the_status_seen()
    {
        var group = EmulatorFixture.NewGroup("agent");
        await emulator.SeedVmAsync(group, "base01", guest: new GuestTraits { AgentReady = false });

        var e = await emulator.GeneralizeRefusedAsync(group, Refusals.Generalize(group, "base01"));

        var finding = e.Refusal("GuestAgentNotReady");
        Assert.Contains("guest agent of VM 'base01' is not Ready", finding.Message);
        Assert.Contains("Not Ready", finding.Message);
        Assert.Contains("VMAgent", finding.Remedy);
    }

    [Fact]
    public async Task A_vm_started_with_start_whose_agent_never_reports_ready_fails_with_the_same_rule()
    {
        var group = EmulatorFixture.NewGroup("agent-start");
        await emulator.SeedVmAsync(group, "base01", state: "deallocated", guest: new GuestTraits { AgentReady = false });

        var e = await Assert.ThrowsAsync<ImageTools.Engine.Hosting.ImageToolsException>(() => emulator.Engine.GeneralizeAsync(
            Refusals.Generalize(group, "base01", r => { r.StartIfStopped = true; r.GuestTimeout = TimeSpan.FromSeconds(1); }), new RecordingHost()));

        Assert.Equal("GuestAgentNotReady", e.RuleId);
        Assert.Contains("left running", e.Message);
        var guest = await emulator.Control.GetGuestAsync(group, "base01");
        Assert.Empty(guest.Scripts!);
        Assert.False(guest.Generalized);
    }
}
