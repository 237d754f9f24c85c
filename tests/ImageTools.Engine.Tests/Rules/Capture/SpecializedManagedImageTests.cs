using ImageTools.Engine.Gateway;
using ImageTools.Engine.Rules;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Rules.Capture;

[Collection(EmulatorCollection.Name)]
public class SpecializedManagedImageTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_disk_stated_specialized_is_refused_before_any_write_with_the_gallery_command_for_it()
    {
        var group = EmulatorFixture.NewGroup("spec-disk");
        var disk = await emulator.BareDiskAsync(group, "drdisk", osType: "Windows", generation: "V2");

        var e = await emulator.CaptureRefusedAsync(group, Refusals.Capture(disk, r => r.OsState = "Specialized"));

        var finding = e.Refusal("SpecializedManagedImage");
        Assert.Contains("-OsState Specialized was given for disk 'drdisk'", finding.Message);
        Assert.Contains("The value of parameter osDisk.osState is invalid.", finding.Message);
        Assert.Contains($"Publish-GalleryVersion -ResourceId {disk} -GalleryName <gallery> -DefinitionName <definition> -OsState Specialized -OsType Windows -HyperVGeneration V2",
            finding.Remedy, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("without -Credential", finding.Remedy);
        Assert.Equal(disk, finding.TargetId, ignoreCase: true);
    }

    [Fact]
    public async Task A_pre_generalize_snapshot_is_refused_without_being_told_it_is_specialized()
    {
        var group = EmulatorFixture.NewGroup("spec-snap");
        await emulator.SeedVmAsync(group, "base05", os: "Linux");
        var vm = await emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "base05"), new RecordingHost());
        var snapshot = Assert.Single(vm!.SnapshotIds);

        var e = await emulator.CaptureRefusedAsync(group, Refusals.Capture(snapshot));

        var finding = e.Refusal("SpecializedManagedImage");
        Assert.Contains("is a pre-generalize snapshot", finding.Message);
        Assert.Contains("-OsType Linux", finding.Remedy);
        Assert.Contains($"Publish-GalleryVersion -ResourceId {snapshot}", finding.Remedy, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(snapshot, finding.TargetId, ignoreCase: true);
        Assert.DoesNotContain(e.Refusals, f => f.RuleId == "OsStateRequired");
    }

    [Fact]
    public async Task A_disk_stated_generalized_is_still_captured()
    {
        var group = EmulatorFixture.NewGroup("spec-gen");
        var disk = await emulator.BareDiskAsync(group, "gendisk", osType: "Windows", generation: "V1");

        var image = await emulator.Engine.CaptureAsync(Refusals.Capture(disk, r => r.OsState = "Generalized"), new RecordingHost());

        Assert.Equal("Generalized", image!.OsState);
        // What the emulator made, not only what the engine returned.
        var created = await emulator.Gateway.GetImageAsync(ArmId.Parse(image.Id), default);
        Assert.NotNull(created);
        Assert.Equal("Succeeded", created!.ProvisioningState);
        Assert.Equal("Generalized", created.OsState);
    }

    [Fact]
    public async Task A_refused_capture_writes_nothing_even_when_its_execution_is_asked_for_directly()
    {
        // The engine's own guard: PreparedOperation.ExecuteAsync refuses whatever its caller did.
        var group = EmulatorFixture.NewGroup("spec-guard");
        var disk = await emulator.BareDiskAsync(group, "guarddisk", osType: "Windows", generation: "V2");
        var host = new RecordingHost();
        var prepared = await emulator.Engine.PrepareCaptureAsync(Refusals.Capture(disk, r => r.OsState = "Specialized"), host, default);
        Assert.Contains(prepared.Refusals, f => f.RuleId == "SpecializedManagedImage");
        var mark = await emulator.MarkAsync();

        var e = await Assert.ThrowsAsync<PreflightException>(() => prepared.ExecuteAsync(host, default));

        Assert.Contains(e.Refusals, f => f.RuleId == "SpecializedManagedImage");
        await emulator.AssertNoWritesAsync(group, mark);
    }
}
