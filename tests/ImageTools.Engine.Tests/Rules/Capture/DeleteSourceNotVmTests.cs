using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Rules.Capture;

[Collection(EmulatorCollection.Name)]
public class DeleteSourceNotVmTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task Delete_source_vm_with_a_disk_source_is_refused_before_any_write()
    {
        var group = EmulatorFixture.NewGroup("delnotvm");
        var disk = await emulator.BareDiskAsync(group, "osdisk", osType: "Linux", generation: "V2");

        var e = await emulator.CaptureRefusedAsync(group, Refusals.Capture(disk, r => { r.DeleteSourceVm = true; r.OsState = "Generalized"; }));

        var refusal = e.Refusal("DeleteSourceNotVm");
        Assert.Contains("is a disk", refusal.Message);
        Assert.Contains("Omit -DeleteSourceVm", refusal.Remedy);
    }

    [Fact]
    public async Task Without_delete_source_vm_the_same_disk_is_captured()
    {
        var group = EmulatorFixture.NewGroup("delnotvm");
        var disk = await emulator.BareDiskAsync(group, "osdisk", osType: "Linux", generation: "V2");

        var image = await emulator.Engine.CaptureAsync(Refusals.Capture(disk, r => r.OsState = "Generalized"), new RecordingHost());

        Assert.False(image!.SourceDeleted);
        Assert.Equal("Succeeded", image.ProvisioningState);
    }
}
