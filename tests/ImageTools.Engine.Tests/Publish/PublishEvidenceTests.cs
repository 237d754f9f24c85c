using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Publish;

/// <summary>
/// PublishGeneralizedWithoutEvidence: a source VM flagged generalized without the evidence
/// Invoke-VmGeneralize records is published with a warning naming the risk and how to check;
/// -GuestGeneralized silences it; a VM with the evidence gets none.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class PublishEvidenceTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task PublishGeneralizedWithoutEvidence_warns_for_a_vm_without_evidence_and_GuestGeneralized_silences_it()
    {
        var group = EmulatorFixture.NewGroup("pub-evidence");
        var vm = await PublishKit.GeneralizedVmAsync(emulator, group, "gen01");

        var warned = new RecordingHost();
        var first = await PublishKit.PublishAsync(emulator, PublishKit.Request(group, vm), warned);
        var warning = Assert.Single(warned.Warnings, w => w.Contains("is marked generalized, but nothing shows its guest was"));
        Assert.Contains("VM 'gen01'", warning);
        Assert.Contains("hang at provisioning", warning);
        Assert.Contains("-GuestGeneralized", warning);
        Assert.Equal("Succeeded", first.ProvisioningState);

        var silenced = new RecordingHost();
        await PublishKit.PublishAsync(emulator, PublishKit.Request(group, vm, "1.0.1", r => r.GuestGeneralized = true), silenced);
        Assert.DoesNotContain(silenced.Warnings, w => w.Contains("nothing shows its guest was"));
        Assert.Contains(silenced.Verbose, v => v.Contains("its guest is taken as generalized (-GuestGeneralized)"));
    }

    [Fact]
    public async Task PublishGeneralizedWithoutEvidence_is_silent_for_a_vm_carrying_the_evidence()
    {
        var group = EmulatorFixture.NewGroup("pub-evidence-ok");
        var seeded = await emulator.SeedVmAsync(group, "gen01", state: "generalized",
            configure: r => r.Tags = new() { ["imagetools-guest-generalized"] = "IMAGE_STATE_GENERALIZE_RESEAL_TO_OOBE 2024-01-01T00:00:00Z" });

        var host = new RecordingHost();
        await PublishKit.PublishAsync(emulator, PublishKit.Request(group, seeded.Id), host);
        Assert.DoesNotContain(host.Warnings, w => w.Contains("nothing shows its guest was"));
    }
}
