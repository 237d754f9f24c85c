using ImageTools.Emulator.Control;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Rules.Generalize;

[Collection(EmulatorCollection.Name)]
public class DomainJoinedTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_domain_joined_guest_is_refused_before_sysprep_after_only_the_read_only_probe()
    {
        var group = EmulatorFixture.NewGroup("domain");
        await emulator.SeedVmAsync(group, "member01", guest: new GuestTraits { DomainJoined = true });
        var mark = await emulator.MarkAsync();

        var e = await Assert.ThrowsAsync<ImageTools.Engine.Rules.PreflightException>(() =>
            emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "member01"), new RecordingHost()));

        var finding = e.Refusal("DomainJoined");
        Assert.Contains("joined to", finding.Message);
        Assert.Contains("Remove-Computer", finding.Remedy);
        // The probe (one run command reading Win32_ComputerSystem) is the only request that is not a GET.
        var writes = await emulator.WritesAsync(group, mark);
        var probe = Assert.Single(writes);
        Assert.Equal("POST", probe.Method);
        Assert.EndsWith("/runCommand", probe.Path);
        var guest = await emulator.Control.GetGuestAsync(group, "member01");
        Assert.DoesNotContain(guest.Scripts!, s => s.Contains("/generalize"));
        Assert.False(guest.Generalized);
    }
}
