using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Rules.Capture;

/// <summary>
/// Capture tells a VM Invoke-VmGeneralize generalized (its imagetools-guest-generalized tag holds
/// the evidence: verbose) from one flagged generalized without it (a warning naming the risk; the
/// capture goes on).
/// </summary>
[Collection(EmulatorCollection.Name)]
public class GeneralizedWithoutEvidenceTests(EmulatorFixture emulator)
{
    private const string Risk = "A VM flagged generalized without a verified Sysprep or waagent run makes an image whose VMs may hang at provisioning.";

    [Fact]
    public async Task A_vm_flagged_generalized_by_hand_is_captured_with_a_warning_naming_the_risk()
    {
        var group = EmulatorFixture.NewGroup("noevidence");
        var vm = await emulator.GeneralizedVmAsync(group, "gold");
        var host = new RecordingHost();

        var image = await emulator.Engine.CaptureAsync(Refusals.Capture(vm), host);

        Assert.Equal("Succeeded", image!.ProvisioningState);
        var warning = Assert.Single(host.Warnings);
        Assert.StartsWith("VM 'gold' is marked generalized, but nothing shows its guest was: it has no imagetools-guest-generalized tag", warning);
        Assert.Contains(Risk, warning);
        Assert.Contains("Invoke-VmGeneralize", warning);
        Assert.DoesNotContain(host.Verbose, v => v.Contains("with evidence of its guest step"));
    }

    [Fact]
    public async Task GuestGeneralized_states_the_guest_was_generalized_and_silences_the_warning()
    {
        var group = EmulatorFixture.NewGroup("guestgen");
        var vm = await emulator.GeneralizedVmAsync(group, "gold");
        var host = new RecordingHost();

        var image = await emulator.Engine.CaptureAsync(Refusals.Capture(vm, r => r.GuestGeneralized = true), host);

        Assert.Equal("Succeeded", image!.ProvisioningState);
        Assert.Empty(host.Warnings);
        Assert.Contains(host.Verbose, v => v == "VM 'gold' carries no evidence of its guest step; its guest is taken as generalized (-GuestGeneralized).");
    }

    [Fact]
    public async Task A_tag_that_names_no_evidence_is_warned_about_too()
    {
        var group = EmulatorFixture.NewGroup("bareevidence");
        var vm = (await emulator.SeedVmAsync(group, "gold", state: "generalized",
            configure: r => r.Tags = new() { ["imagetools-guest-generalized"] = "2024-01-01T00:00:00Z" })).Id;
        var host = new RecordingHost();

        await emulator.Engine.CaptureAsync(Refusals.Capture(vm), host);

        var warning = Assert.Single(host.Warnings);
        Assert.Contains("its imagetools-guest-generalized tag ('2024-01-01T00:00:00Z') names no evidence", warning);
        Assert.Contains(Risk, warning);
    }

    [Theory]
    [InlineData("Windows", "IMAGE_STATE_GENERALIZE_RESEAL_TO_OOBE ")]
    [InlineData("Linux", "waagent-deprovision ")]
    public async Task A_vm_generalized_by_invoke_vmgeneralize_is_captured_without_a_warning_and_its_evidence_named(string os, string evidence)
    {
        var group = EmulatorFixture.NewGroup("evidence-" + os.ToLowerInvariant());
        var seeded = await emulator.SeedVmAsync(group, "base01", os: os);
        await emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "base01", r => r.SkipSnapshot = true), new RecordingHost());
        var host = new RecordingHost();

        var image = await emulator.Engine.CaptureAsync(Refusals.Capture(seeded.Id), host);

        Assert.Equal("Succeeded", image!.ProvisioningState);
        Assert.Empty(host.Warnings);
        Assert.Contains(host.Verbose, v => v.StartsWith($"VM 'base01' was generalized with evidence of its guest step (imagetools-guest-generalized = '{evidence}"));
    }

    [Fact]
    public async Task Disk_and_snapshot_sources_are_not_judged()
    {
        var group = EmulatorFixture.NewGroup("evidence-disk");
        var disk = await emulator.BareDiskAsync(group, "osdisk", osType: "Linux", generation: "V2");
        var host = new RecordingHost();

        await emulator.Engine.CaptureAsync(Refusals.Capture(disk, r => r.OsState = "Generalized"), host);

        Assert.Empty(host.Warnings);
    }
}
