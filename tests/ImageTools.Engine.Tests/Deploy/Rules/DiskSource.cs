using ImageTools.Engine.Tests.Import;
using ImageTools.Engine.Tests.Infrastructure;
using ImageTools.Tests.Shared;

namespace ImageTools.Engine.Tests.Deploy.Rules;

/// <summary>Managed disks for the disk-source tests: a VHD made by the test and imported (Import-Vhd), declared Specialized or Generalized.</summary>
internal static class DiskSource
{
    public static async Task<string> ImportedAsync(EmulatorFixture emulator, string group, string name, string osState)
    {
        await ImportKit.GroupAsync(emulator, group);
        using var kit = new ImportKit();
        var vhd = VhdMaker.Fixed(kit.File(name + ".vhd"), 21 * VhdMaker.MiB, partitions: "mbr-windows");
        var disk = await emulator.Engine.ImportAsync(ImportKit.Request(vhd, group, r => r.OsState = osState), new RecordingHost());
        return disk!.Id;
    }
}
