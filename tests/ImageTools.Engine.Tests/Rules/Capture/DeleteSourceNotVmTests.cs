using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Rules.Capture;

[Collection(EmulatorCollection.Name)]
public class DeleteSourceNotVmTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task Delete_source_vm_with_a_disk_source_is_a_warning_and_deletes_nothing()
    {
        var group = EmulatorFixture.NewGroup("delnotvm");
        var disk = await emulator.BareDiskAsync(group, "osdisk", osType: "Linux", generation: "V2");
        var mark = await emulator.MarkAsync();
        var host = new RecordingHost();

        var image = await emulator.Engine.CaptureAsync(Refusals.Capture(disk, r => { r.DeleteSourceVm = true; r.OsState = "Generalized"; }), host);

        Assert.False(image!.SourceDeleted);
        Assert.Contains(host.Warnings, w => w.Contains("-DeleteSourceVm is ignored"));
        Assert.DoesNotContain(await emulator.WritesAsync(group, mark), w => w.Method == "DELETE");
    }
}
