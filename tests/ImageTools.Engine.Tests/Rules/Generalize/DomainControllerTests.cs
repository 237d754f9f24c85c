using ImageTools.Emulator.Control;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Rules.Generalize;

[Collection(EmulatorCollection.Name)]
public class DomainControllerTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_domain_controller_is_refused_before_sysprep_with_demotion_as_the_remedy()
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
        Assert.All(await emulator.WritesAsync(group, mark), w => Assert.EndsWith("/runCommand", w.Path));
        var guest = await emulator.Control.GetGuestAsync(group, "dc01");
        Assert.DoesNotContain(guest.Scripts!, s => s.Contains("/generalize"));
    }
}
