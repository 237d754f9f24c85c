using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Rules.Capture;

[Collection(EmulatorCollection.Name)]
public class OsStateRequiredTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_disk_of_unknown_os_state_is_refused_rather_than_defaulted_to_generalized()
    {
        var group = EmulatorFixture.NewGroup("osstate");
        var disk = await emulator.BareDiskAsync(group, "osdisk", osType: "Windows", generation: "V2");

        var e = await emulator.CaptureRefusedAsync(group, Refusals.Capture(disk));

        var finding = e.Refusal("OsStateRequired");
        Assert.Contains("OS state of disk 'osdisk' is not known", finding.Message);
        Assert.Contains("-OsState Generalized", finding.Remedy);
        Assert.Contains("cannot become a managed image", finding.Remedy);
        Assert.Contains("Publish-GalleryVersion -ResourceId", finding.Remedy);
    }

    [Fact]
    public async Task A_stated_os_state_is_used_for_a_disk()
    {
        var group = EmulatorFixture.NewGroup("osstate-given");
        var disk = await emulator.BareDiskAsync(group, "osdisk", osType: "Linux", generation: "V2");

        var image = await emulator.Engine.CaptureAsync(Refusals.Capture(disk, r => r.OsState = "Generalized"), new RecordingHost());

        Assert.Equal("Generalized", image!.OsState);
    }

    [Fact]
    public async Task An_invalid_os_state_is_refused()
    {
        var group = EmulatorFixture.NewGroup("osstate-bad");
        var disk = await emulator.BareDiskAsync(group, "osdisk", osType: "Linux", generation: "V2");

        var e = await emulator.CaptureRefusedAsync(group, Refusals.Capture(disk, r => r.OsState = "Sealed"));

        Assert.Contains("-OsState 'Sealed' is not an OS state", e.Refusal("OsStateRequired").Message);
    }

    [Fact]
    public async Task Generalized_stated_for_a_pre_generalize_snapshot_is_refused_pointing_to_the_vm_or_a_gallery()
    {
        var group = EmulatorFixture.NewGroup("osstate-snap");
        await emulator.SeedVmAsync(group, "base03");
        var vm = await emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "base03"), new RecordingHost());
        var snapshot = Assert.Single(vm!.SnapshotIds);

        var e = await emulator.CaptureRefusedAsync(group, Refusals.Capture(snapshot, r => { r.OsState = "Generalized"; r.ImageName = "wrong"; }));
        var finding = e.Refusal("OsStateRequired");
        Assert.Contains("pre-generalize snapshot", finding.Message);
        Assert.Contains($"Publish-GalleryVersion -ResourceId {snapshot}", finding.Remedy, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(e.Refusals, f => f.RuleId == "SpecializedManagedImage");
    }
}
