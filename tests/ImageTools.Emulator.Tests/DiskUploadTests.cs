using System.Buffers.Binary;
using System.Net;
using System.Xml.Linq;
using Azure;
using Azure.Core;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;
using Azure.ResourceManager.Resources;

namespace ImageTools.Emulator.Tests;

/// <summary>Disk upload (createOption Upload, beginGetAccess Write, page writes to the SAS URL, endGetAccess) through the SDK.</summary>
public sealed class DiskUploadTests : IClassFixture<EmulatorFixture>
{
    private const long MiB = 1024 * 1024;
    private const long Size = 20 * MiB + 512;
    private readonly EmulatorFixture _f;
    public DiskUploadTests(EmulatorFixture f) { _f = f; }

    private async Task<ResourceGroupResource> Group() => await _f.CreateResourceGroupAsync(_f.UniqueName("rg-up-"));

    private static ManagedDiskData ForUpload(long bytes) => new(new AzureLocation("eastus"))
    {
        CreationData = new DiskCreationData(DiskCreateOption.Upload) { UploadSizeBytes = bytes },
        OSType = SupportedOperatingSystemType.Windows,
        HyperVGeneration = HyperVGeneration.V2,
        Sku = new DiskSku { Name = DiskStorageAccountType.StandardLrs },
    };

    /// <summary>A fixed VHD footer (Virtual Hard Disk Image Format Specification) for a disk of <paramref name="virtualSize"/> bytes.</summary>
    private static byte[] Footer(long virtualSize)
    {
        var f = new byte[512];
        "conectix"u8.CopyTo(f);
        BinaryPrimitives.WriteUInt32BigEndian(f.AsSpan(8), 2);
        BinaryPrimitives.WriteUInt32BigEndian(f.AsSpan(12), 0x00010000);
        BinaryPrimitives.WriteInt64BigEndian(f.AsSpan(16), -1);
        BinaryPrimitives.WriteInt64BigEndian(f.AsSpan(40), virtualSize);
        BinaryPrimitives.WriteInt64BigEndian(f.AsSpan(48), virtualSize);
        BinaryPrimitives.WriteUInt32BigEndian(f.AsSpan(60), 2);
        uint sum = 0;
        foreach (var b in f) sum += b;
        BinaryPrimitives.WriteUInt32BigEndian(f.AsSpan(64), ~sum);
        return f;
    }

    private HttpClient Blob() => new(TestArm.PinnedHandler(_f.Server.CertificateThumbprint));

    private static async Task<HttpResponseMessage> PutPage(HttpClient http, string sas, long start, byte[] data, string mode = "update", long? end = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, sas + "&comp=page") { Content = new ByteArrayContent(mode == "clear" ? Array.Empty<byte>() : data) };
        request.Headers.Add("x-ms-page-write", mode);
        request.Headers.Add("x-ms-range", $"bytes={start}-{end ?? start + data.Length - 1}");
        request.Headers.Add("x-ms-version", "2021-08-06");
        return await http.SendAsync(request);
    }

    private async Task<(ManagedDiskResource Disk, string Sas)> Uploaded(ResourceGroupResource rg, string name, byte[]? footer)
    {
        var disk = (await rg.GetManagedDisks().CreateOrUpdateAsync(WaitUntil.Completed, name, ForUpload(Size))).Value;
        var sas = (await disk.GrantAccessAsync(WaitUntil.Completed, new GrantAccessData(AccessLevel.Write, 3600))).Value.AccessSas;
        using var http = Blob();
        Assert.Equal(HttpStatusCode.Created, (await PutPage(http, sas, 0, new byte[4 * MiB])).StatusCode);
        if (footer is not null) Assert.Equal(HttpStatusCode.Created, (await PutPage(http, sas, Size - 512, footer)).StatusCode);
        await disk.RevokeAccessAsync(WaitUntil.Completed);
        return ((await disk.GetAsync()).Value, sas);
    }

    [Fact]
    public async Task An_upload_goes_ReadyToUpload_ActiveUpload_Unattached_and_keeps_what_was_written()
    {
        var rg = await Group();
        var disk = (await rg.GetManagedDisks().CreateOrUpdateAsync(WaitUntil.Completed, "up1", ForUpload(Size))).Value;
        Assert.Equal(DiskState.ReadyToUpload, disk.Data.DiskState);
        Assert.Equal(1, disk.Data.DiskSizeGB);
        Assert.Equal(Size, disk.Data.CreationData.UploadSizeBytes);

        var access = (await disk.GrantAccessAsync(WaitUntil.Completed, new GrantAccessData(AccessLevel.Write, 3600))).Value;
        Assert.StartsWith(_f.Server.Endpoint + "_blob/", access.AccessSas);
        Assert.Contains("sig=", access.AccessSas);
        Assert.Equal(DiskState.ActiveUpload, (await disk.GetAsync()).Value.Data.DiskState);

        using var http = Blob();
        using (var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, access.AccessSas)))
        {
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.Equal(Size, head.Content.Headers.ContentLength);
            Assert.Equal("PageBlob", head.Headers.GetValues("x-ms-blob-type").Single());
        }
        using (var page = await PutPage(http, access.AccessSas, 0, new byte[4 * MiB]))
        {
            Assert.Equal(HttpStatusCode.Created, page.StatusCode);
            Assert.True(page.Headers.Contains("ETag"));
        }
        Assert.Equal(HttpStatusCode.Created, (await PutPage(http, access.AccessSas, 8 * MiB, new byte[MiB])).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await PutPage(http, access.AccessSas, 8 * MiB, Array.Empty<byte>(), "clear", 8 * MiB + 511)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await PutPage(http, access.AccessSas, Size - 512, Footer(Size - 512))).StatusCode);
        var list = XDocument.Parse(await http.GetStringAsync(access.AccessSas + "&comp=pagelist"));
        var ranges = list.Root!.Elements("PageRange").Select(r => ((long)r.Element("Start")!, (long)r.Element("End")!)).ToList();
        Assert.Equal(new[] { (0L, 4 * MiB - 1), (8 * MiB + 512, 9 * MiB - 1), (Size - 512, Size - 1) }, ranges);

        await disk.RevokeAccessAsync(WaitUntil.Completed);
        Assert.Equal(DiskState.Unattached, (await disk.GetAsync()).Value.Data.DiskState);
        var held = await _f.Server.Control.GetDiskAsync(rg.Data.Name, "up1");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, held.GetProperty("vhdFooterProblem").ValueKind);
        Assert.Equal(3, held.GetProperty("upload").GetProperty("ranges").GetArrayLength());
        using (var late = await PutPage(http, access.AccessSas, 0, new byte[512]))
        {
            Assert.Equal(HttpStatusCode.Forbidden, late.StatusCode);
            Assert.Contains("<Code>AuthenticationFailed</Code>", await late.Content.ReadAsStringAsync());
        }

        // A valid fixed VHD boots: a VM on the disk has a Ready agent.
        var nic = await Scenario.CreateNicAsync(_f.Client, _f.SubscriptionId, rg.Data.Name, "up1vm-nic");
        var data = Scenario.VmData(nic, null!, null, osProfile: false);
        data.StorageProfile.ImageReference = null;
        data.StorageProfile.OSDisk = new VirtualMachineOSDisk(DiskCreateOptionType.Attach) { OSType = SupportedOperatingSystemType.Windows, ManagedDisk = new VirtualMachineManagedDisk { Id = disk.Id } };
        var vm = (await rg.GetVirtualMachines().CreateOrUpdateAsync(WaitUntil.Completed, "up1vm", data)).Value;
        Assert.Equal("Ready", (await vm.InstanceViewAsync()).Value.VmAgent.Statuses[0].DisplayStatus);
    }

    [Fact]
    public async Task A_disk_without_a_valid_fixed_vhd_footer_is_created_but_does_not_boot()
    {
        var rg = await Group();
        var bad = Footer(Size - 512);
        bad[60 + 3] = 3; // dynamic, not fixed
        var (disk, _) = await Uploaded(rg, "up2", bad);
        Assert.Equal(DiskState.Unattached, disk.Data.DiskState);
        var held = await _f.Server.Control.GetDiskAsync(rg.Data.Name, "up2");
        Assert.Equal("the VHD is not a fixed-size VHD (disk type is not 2)", held.GetProperty("vhdFooterProblem").GetString());
        Assert.Equal(4 * MiB + 512, held.GetProperty("upload").GetProperty("bytesWritten").GetInt64());

        var nic = await Scenario.CreateNicAsync(_f.Client, _f.SubscriptionId, rg.Data.Name, "up2vm-nic");
        var data = Scenario.VmData(nic, null!, null, osProfile: false);
        data.StorageProfile.ImageReference = null;
        data.StorageProfile.OSDisk = new VirtualMachineOSDisk(DiskCreateOptionType.Attach) { OSType = SupportedOperatingSystemType.Windows, ManagedDisk = new VirtualMachineManagedDisk { Id = disk.Id } };
        var vm = (await rg.GetVirtualMachines().CreateOrUpdateAsync(WaitUntil.Completed, "up2vm", data)).Value;
        Assert.Equal("Not Ready", (await vm.InstanceViewAsync()).Value.VmAgent.Statuses[0].DisplayStatus);

        // A managed image of it is accepted too; a VM from the image fails its OS provisioning.
        var (noFooter, _) = await Uploaded(rg, "up3", null);
        var image = (await rg.GetDiskImages().CreateOrUpdateAsync(WaitUntil.Completed, "up3-img", new DiskImageData(new AzureLocation("eastus"))
        {
            HyperVGeneration = HyperVGeneration.V2,
            StorageProfile = new ImageStorageProfile { OSDisk = new ImageOSDisk(SupportedOperatingSystemType.Windows, OperatingSystemStateType.Generalized) { ManagedDiskId = noFooter.Id } },
        })).Value;
        var nic2 = await Scenario.CreateNicAsync(_f.Client, _f.SubscriptionId, rg.Data.Name, "up3vm-nic");
        var ex = await Scenario.Fails(() => rg.GetVirtualMachines().CreateOrUpdateAsync(WaitUntil.Completed, "up3vm", Scenario.VmData(nic2, new ImageReference { Id = image.Id }, "up3vm")));
        Assert.Equal("OSProvisioningTimedOut", ex.ErrorCode);
    }

    [Theory]
    [InlineData(20 * MiB + 1024, "The upload size in bytes 20972544 - 512 bytes for the VHD footer (20972032 in this case) must be a multiple of MiB.")]
    [InlineData(30 * MiB, "must be a multiple of MiB")]
    [InlineData(19 * MiB + 512, "is out of range")]
    public async Task Upload_sizes_that_are_not_a_whole_number_of_MiB_plus_512_or_out_of_range_are_400(long bytes, string message)
    {
        var rg = await Group();
        var ex = await Scenario.Fails(() => rg.GetManagedDisks().CreateOrUpdateAsync(WaitUntil.Completed, "bad", ForUpload(bytes)));
        Assert.Equal(400, ex.Status);
        Assert.Equal("BadRequest", ex.ErrorCode);
        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public async Task Write_access_attach_and_page_writes_are_refused_where_Azure_refuses_them()
    {
        var rg = await Group();
        var empty = (await rg.GetManagedDisks().CreateOrUpdateAsync(WaitUntil.Completed, "plain", new ManagedDiskData(new AzureLocation("eastus"))
        {
            CreationData = new DiskCreationData(DiskCreateOption.Empty), DiskSizeGB = 32,
        })).Value;
        var ex = await Scenario.Fails(() => empty.GrantAccessAsync(WaitUntil.Completed, new GrantAccessData(AccessLevel.Write, 3600)));
        Assert.Equal(409, ex.Status);

        var disk = (await rg.GetManagedDisks().CreateOrUpdateAsync(WaitUntil.Completed, "pending", ForUpload(Size))).Value;
        var nic = await Scenario.CreateNicAsync(_f.Client, _f.SubscriptionId, rg.Data.Name, "pendvm-nic");
        var data = Scenario.VmData(nic, null!, null, osProfile: false);
        data.StorageProfile.ImageReference = null;
        data.StorageProfile.OSDisk = new VirtualMachineOSDisk(DiskCreateOptionType.Attach) { OSType = SupportedOperatingSystemType.Windows, ManagedDisk = new VirtualMachineManagedDisk { Id = disk.Id } };
        ex = await Scenario.Fails(() => rg.GetVirtualMachines().CreateOrUpdateAsync(WaitUntil.Completed, "pendvm", data));
        Assert.Equal(409, ex.Status);
        Assert.Contains("ReadyToUpload", ex.Message);

        var sas = (await disk.GrantAccessAsync(WaitUntil.Completed, new GrantAccessData(AccessLevel.Write, 3600))).Value.AccessSas;
        using var http = Blob();
        using (var unaligned = await PutPage(http, sas, 100, new byte[512]))
        {
            Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, unaligned.StatusCode);
            Assert.Contains("<Code>InvalidPageRange</Code>", await unaligned.Content.ReadAsStringAsync());
        }
        using (var beyond = await PutPage(http, sas, Size, new byte[512])) Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, beyond.StatusCode);
        using (var large = await PutPage(http, sas, 0, new byte[4 * MiB + 512])) Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        var forged = sas[..sas.IndexOf("sig=", StringComparison.Ordinal)] + "sig=forged";
        using (var wrong = await PutPage(http, forged, 0, new byte[512])) Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        await disk.RevokeAccessAsync(WaitUntil.Completed);

        ex = await Scenario.Fails(() => rg.GetSnapshots().CreateOrUpdateAsync(WaitUntil.Completed, "upsnap", new SnapshotData(new AzureLocation("eastus"))
        {
            CreationData = new DiskCreationData(DiskCreateOption.Upload) { UploadSizeBytes = Size },
        }));
        Assert.Equal(400, ex.Status);
    }
}
