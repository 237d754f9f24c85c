using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;
using Azure.ResourceManager.Resources;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Operations.Import;
using ImageTools.Engine.Tests.Infrastructure;
using ImageTools.Models;
using ImageTools.Tests.Shared;

namespace ImageTools.Engine.Tests.Import;

/// <summary>
/// The upload itself against the emulator's disk upload (createOption Upload, beginGetAccess Write, Put
/// Page on the SAS, endGetAccess): only pages holding data are sent, access always ends, a rerun of a
/// finished import writes nothing, an interrupted one is continued or, once its access ended, refused.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class ImportUploadTests(EmulatorFixture emulator) : IDisposable
{
    private const long Size = 64 * VhdMaker.MiB;
    private readonly ImportKit _kit = new();

    public void Dispose() => _kit.Dispose();

    /// <summary>The MBR page, the 1 MiB and 64 KiB data runs, and the footer.</summary>
    private static readonly long DataBytes = 512 + VhdMaker.MiB + 64 * 1024 + 512;

    [Fact]
    public async Task A_fixed_vhd_becomes_an_unattached_disk_holding_only_its_data_pages_and_its_footer()
    {
        var group = EmulatorFixture.NewGroup("vhdup");
        await ImportKit.GroupAsync(emulator, group);
        var path = VhdMaker.Fixed(_kit.File("web01.vhd"), Size, partitions: "gpt-linux");
        var host = new RecordingHost();
        var mark = await emulator.MarkAsync();

        var disk = await emulator.Engine.ImportAsync(ImportKit.Request(path, group), host);

        Assert.NotNull(disk);
        Assert.Equal(("web01", "Unattached", "Linux", "V2", "Generalized"), (disk!.Name, disk.DiskState, disk.OsType, disk.HyperVGeneration, disk.OsState));
        // A GPT disk also writes its header and partition entries (two more pages).
        var gptBytes = DataBytes + 1024;
        Assert.Equal(gptBytes, disk.BytesUploaded);
        Assert.Equal(Size + 512 - gptBytes, disk.ZeroBytesSkipped);
        Assert.Equal("Generalized", disk.Tags["imagetools-os-state"]);
        var held = await emulator.Control.GetDiskAsync(group, "web01");
        var upload = held.GetProperty("upload");
        Assert.Equal(gptBytes, upload.GetProperty("bytesWritten").GetInt64());
        Assert.Equal(JsonValueKind.Null, upload.GetProperty("footerProblem").ValueKind);
        var writes = (await emulator.WritesAsync(group, mark)).Select(w => $"{w.Method} {w.Path.Split('/')[^1]}").ToList();
        Assert.Equal(new[] { "PUT web01", "POST beginGetAccess", "POST endGetAccess", "PATCH web01" }, writes);
        Assert.Contains(host.Progress, p => p.ActivityId == 2 && p.ParentActivityId == 1 && p.Status.Contains("MiB of zeros skipped"));

        // The rerun finds the finished disk and writes nothing.
        mark = await emulator.MarkAsync();
        var again = await emulator.Engine.ImportAsync(ImportKit.Request(path, group), new RecordingHost());
        Assert.Equal(disk.Id, again!.Id);
        await emulator.AssertNoWritesAsync(group, mark);
    }

    [Fact]
    public async Task VhdAlreadyImported_is_reported_as_done_with_no_write()
    {
        var group = EmulatorFixture.NewGroup("vhddone");
        await ImportKit.GroupAsync(emulator, group);
        var path = VhdMaker.Fixed(_kit.File("done.vhd"), 21 * VhdMaker.MiB);
        await emulator.Engine.ImportAsync(ImportKit.Request(path, group), new RecordingHost());
        var host = new RecordingHost();
        var mark = await emulator.MarkAsync();
        var prepared = await emulator.Engine.PrepareImportAsync(ImportKit.Request(path, group), host, CancellationToken.None);
        Assert.Equal("VhdAlreadyImported", prepared.AlreadyDone!.RuleId);
        await emulator.AssertNoWritesAsync(group, mark);
    }

    [Fact]
    public async Task ImportOsTypeMismatch_warns_and_marks_the_disk_as_asked()
    {
        var group = EmulatorFixture.NewGroup("vhdwarn");
        await ImportKit.GroupAsync(emulator, group);
        var host = new RecordingHost();
        var disk = await emulator.Engine.ImportAsync(ImportKit.Request(VhdMaker.Fixed(_kit.File("lin.vhd"), 21 * VhdMaker.MiB, partitions: "mbr-linux"), group,
            r => r.OsType = "Windows"), host);
        Assert.Contains(host.Warnings, w => w.Contains("look like Linux", StringComparison.Ordinal));
        Assert.Equal(("Windows", "V1"), (disk!.OsType, disk.HyperVGeneration));
    }

    [Fact]
    public async Task An_upload_left_open_by_a_killed_run_is_continued_without_sending_its_pages_again()
    {
        var group = EmulatorFixture.NewGroup("vhdresume");
        await ImportKit.GroupAsync(emulator, group);
        var path = VhdMaker.Fixed(_kit.File("resume.vhd"), Size);
        // What a killed first run leaves: the disk created and tagged, write access granted and never
        // revoked, the first chunk's data pages written.
        await LeaveOpenUploadAsync(group, "resume", path);

        var host = new RecordingHost();
        var disk = await emulator.Engine.ImportAsync(ImportKit.Request(path, group), host);

        Assert.Contains(host.Verbose, v => v.Contains("is still taking an upload of this VHD", StringComparison.Ordinal));
        Assert.Equal(512 + VhdMaker.MiB, disk!.BytesResumed);
        Assert.Equal(64 * 1024 + 512, disk.BytesUploaded);
        Assert.Equal("Unattached", disk.DiskState);
        Assert.Equal(DataBytes, (await emulator.Control.GetDiskAsync(group, "resume")).GetProperty("upload").GetProperty("bytesWritten").GetInt64());
    }

    private async Task LeaveOpenUploadAsync(string group, string name, string path)
    {
        var length = new FileInfo(path).Length;
        var rg = emulator.Client.GetResourceGroupResource(ResourceGroupResource.CreateResourceIdentifier(emulator.SubscriptionId, group));
        var data = new ManagedDiskData(new AzureLocation("eastus")) { CreationData = new DiskCreationData(DiskCreateOption.Upload) { UploadSizeBytes = length } };
        data.Tags["imagetools-vhd"] = $"{Path.GetFileName(path)} {length}";
        data.Tags["imagetools-os-state"] = "Generalized";
        var disk = (await rg.GetManagedDisks().CreateOrUpdateAsync(WaitUntil.Completed, name, data)).Value;
        var sas = (await disk.GrantAccessAsync(WaitUntil.Completed, new GrantAccessData(AccessLevel.Write, 3600))).Value.AccessSas;
        var bytes = await File.ReadAllBytesAsync(path);
        using var http = new HttpClient(emulator.Server.CreateTrustingHandler());
        foreach (var (offset, count) in new[] { (0L, 512), (VhdMaker.MiB, (int)VhdMaker.MiB) })
        {
            using var put = new HttpRequestMessage(HttpMethod.Put, sas + "&comp=page") { Content = new ByteArrayContent(bytes, (int)offset, count) };
            put.Headers.Add("x-ms-page-write", "update");
            put.Headers.Add("x-ms-range", $"bytes={offset}-{offset + count - 1}");
            put.Headers.Add("x-ms-version", "2021-08-06");
            (await http.SendAsync(put)).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task A_stopped_upload_still_ends_its_write_access_and_the_rerun_says_to_delete_the_unfinished_disk()
    {
        var group = EmulatorFixture.NewGroup("vhdstop");
        await ImportKit.GroupAsync(emulator, group);
        var path = VhdMaker.Fixed(_kit.File("stop.vhd"), Size);
        RecordingHost host = null!;
        host = new RecordingHost { OnVerbose = line => { if (line.Contains("uploading the VHD's pages", StringComparison.Ordinal)) host.Cancel(); } };
        var mark = await emulator.MarkAsync();

        var e = await Assert.ThrowsAsync<ImageToolsException>(() => emulator.Engine.ImportAsync(ImportKit.Request(path, group), host));

        Assert.Equal(ErrorIds.OperationStopped, e.RuleId);
        Assert.Contains("uploading the VHD's pages", e.Message);
        var writes = (await emulator.WritesAsync(group, mark)).Select(w => w.Path.Split('/')[^1]).ToList();
        Assert.Equal("endGetAccess", writes[^1]);
        Assert.NotEqual("ActiveUpload", (await emulator.Control.GetDiskAsync(group, "stop")).GetProperty("diskState").GetString());

        var refused = await ImportKit.RefusedAsync(emulator, group, ImportKit.Request(path, group));
        var finding = refused.Refusal("ImportDiskExists");
        Assert.Contains("holds an unfinished upload", finding.Message);
        Assert.Contains($"Remove-AzDisk -ResourceGroupName {group} -DiskName stop", finding.Remedy);
    }

    [Theory]
    [InlineData("gpt-windows", "Windows", "V2")]
    [InlineData("gpt-linux", "Linux", "V2")]
    [InlineData("mbr-windows", "Windows", "V1")]
    [InlineData("mbr-linux", "Linux", "V1")]
    [InlineData("none", "", "")]
    public void The_os_type_and_generation_are_read_from_the_partition_table(string partitions, string os, string generation)
    {
        var vhd = VhdFile.Read(VhdMaker.Fixed(_kit.File(partitions + ".vhd"), 21 * VhdMaker.MiB, partitions: partitions));
        Assert.True(vhd.HasFooter && vhd.ChecksumValid && vhd.DiskType == VhdFile.FixedDisk);
        Assert.Equal((os, generation), (vhd.InferredOsType, vhd.InferredGeneration));
    }
}
