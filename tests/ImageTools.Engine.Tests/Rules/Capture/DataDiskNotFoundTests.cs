using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Rules.Capture;

[Collection(EmulatorCollection.Name)]
public class DataDiskNotFoundTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_missing_data_disk_source_is_refused_naming_its_lun()
    {
        var group = EmulatorFixture.NewGroup("datadisk");
        var os = await emulator.BareDiskAsync(group, "osdisk", osType: "Windows", generation: "V2");
        var data = await emulator.BareDiskAsync(group, "data0");
        var missing = $"/subscriptions/{emulator.SubscriptionId}/resourceGroups/{group}/providers/Microsoft.Compute/disks/data1";

        var e = await emulator.CaptureRefusedAsync(group, Refusals.Capture(os, r => r.DataDiskSourceIds = [data, missing]));

        var finding = e.Refusal("DataDiskNotFound");
        Assert.Contains("LUN 1", finding.Message);
        Assert.Contains("data1", finding.Message);
        Assert.DoesNotContain("LUN 0", finding.Message);
    }

    [Fact]
    public async Task Existing_data_disks_are_carried_as_luns_in_order()
    {
        var group = EmulatorFixture.NewGroup("datadisk-ok");
        var os = await emulator.BareDiskAsync(group, "osdisk", osType: "Windows", generation: "V2");
        var data0 = await emulator.BareDiskAsync(group, "data0");
        var data1 = await emulator.BareDiskAsync(group, "data1");

        var image = await emulator.Engine.CaptureAsync(Refusals.Capture(os, r => { r.DataDiskSourceIds = [data0, data1]; r.OsState = "Generalized"; }), new RecordingHost());

        Assert.Equal(["0", "1"], image!.DataDiskLuns);
        Assert.Equal("Disk", image.SourceKind);
        Assert.Equal("Windows", image.OsType);
    }
}
