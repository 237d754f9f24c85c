using ImageTools.Emulator.Control;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Rules.Generalize;

[Collection(EmulatorCollection.Name)]
public class DomainControllerTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_running_domain_controller_is_refused_before_sysprep_after_only_the_probe_with_demotion_as_the_remedy()
    {
        var group = EmulatorFixture.NewGroup("dc");
        await emulator.SeedVmAsync(group, "dc01", guest: new GuestTraits { DomainController = true, DomainJoined = true });
        var mark = await emulator.MarkAsync();

        var e = await Assert.ThrowsAsync<ImageTools.Engine.Rules.PreflightException>(() =>
            emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "dc01"), new RecordingHost()));

        var finding = e.Refusal("DomainController");
        Assert.DoesNotContain(e.Refusals, f => f.RuleId == "DomainJoined");
        Assert.Contains("DomainRole 5", finding.Message);
        Assert.Contains("Uninstall-ADDSDomainController", finding.Remedy);
        var writes = await emulator.AllWritesAsync(mark);
        Assert.Equal(["POST runCommand"], writes.Select(w => w.Method + " " + w.Path.Split('/').Last()));
        var guest = await emulator.Control.GetGuestAsync(group, "dc01");
        Assert.Equal("running", guest.PowerState);
        Assert.DoesNotContain(guest.Scripts!, s => s.Contains("/generalize"));
    }

    [Fact]
    public async Task With_start_a_stopped_domain_controller_is_started_probed_refused_and_stopped_again()
    {
        var group = EmulatorFixture.NewGroup("dc-start");
        await emulator.SeedVmAsync(group, "dc02", state: "stopped", guest: new GuestTraits { DomainController = true, DomainJoined = true });
        var mark = await emulator.MarkAsync();

        var e = await Assert.ThrowsAsync<ImageTools.Engine.Rules.PreflightException>(() =>
            emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "dc02", r => r.StartIfStopped = true), new RecordingHost()));

        var finding = e.Refusal("DomainController");
        Assert.Contains("has been stopped again, as it was found", finding.Message);
        var writes = await emulator.AllWritesAsync(mark);
        Assert.Equal(["POST start", "POST runCommand", "POST powerOff"], writes.Select(w => w.Method + " " + w.Path.Split('/').Last()));
        var guest = await emulator.Control.GetGuestAsync(group, "dc02");
        Assert.Equal("stopped", guest.PowerState);
        Assert.DoesNotContain(guest.Scripts!, s => s.Contains("/generalize"));
    }
}
