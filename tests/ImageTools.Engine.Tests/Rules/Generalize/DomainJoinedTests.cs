using ImageTools.Emulator.Control;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Rules.Generalize;

[Collection(EmulatorCollection.Name)]
public class DomainJoinedTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_running_domain_joined_guest_is_refused_before_sysprep_after_only_the_read_only_probe()
    {
        var group = EmulatorFixture.NewGroup("domain");
        await emulator.SeedVmAsync(group, "member01", guest: new GuestTraits { DomainJoined = true });
        var mark = await emulator.MarkAsync();

        var e = await Assert.ThrowsAsync<ImageTools.Engine.Rules.PreflightException>(() =>
            emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "member01"), new RecordingHost()));

        var finding = e.Refusal("DomainJoined");
        Assert.Contains("joined to", finding.Message);
        Assert.DoesNotContain("-Start", finding.Message);
        Assert.Contains("Remove-Computer", finding.Remedy);
        // The probe (one run command reading Win32_ComputerSystem) is the only request that is not a GET, anywhere.
        var writes = await emulator.AllWritesAsync(mark);
        Assert.Equal(["POST runCommand"], writes.Select(w => w.Method + " " + w.Path.Split('/').Last()));
        Assert.Contains($"/resourceGroups/{group}/", writes[0].Path, StringComparison.OrdinalIgnoreCase);
        var guest = await emulator.Control.GetGuestAsync(group, "member01");
        Assert.Equal("running", guest.PowerState);
        Assert.DoesNotContain(guest.Scripts!, s => s.Contains("/generalize"));
        Assert.False(guest.Generalized);
    }

    [Fact]
    public async Task With_start_a_deallocated_domain_member_is_started_probed_refused_and_deallocated_again()
    {
        var group = EmulatorFixture.NewGroup("domain-start");
        await emulator.SeedVmAsync(group, "member02", state: "deallocated", guest: new GuestTraits { DomainJoined = true });
        var mark = await emulator.MarkAsync();
        var host = new RecordingHost();

        var e = await Assert.ThrowsAsync<ImageTools.Engine.Rules.PreflightException>(() =>
            emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "member02", r => r.StartIfStopped = true), host));

        var finding = e.Refusal("DomainJoined");
        Assert.Contains("started only for the probe (-Start) and has been deallocated again", finding.Message);
        Assert.Equal(["Start the VM (-Start)", "Probe domain membership (read-only run command)"], host.ShouldProcessCalls.Take(2).Select(c => c.Action));
        var writes = await emulator.AllWritesAsync(mark);
        Assert.Equal(["POST start", "POST runCommand", "POST deallocate"], writes.Select(w => w.Method + " " + w.Path.Split('/').Last()));
        var guest = await emulator.Control.GetGuestAsync(group, "member02");
        Assert.Equal("deallocated", guest.PowerState);
        Assert.DoesNotContain(guest.Scripts!, s => s.Contains("/generalize"));
        Assert.False(guest.Generalized);
    }
}
