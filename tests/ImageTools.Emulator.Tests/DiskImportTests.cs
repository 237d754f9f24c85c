using System.Buffers.Binary;
using System.Net;
using Azure;
using Azure.Core;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;
using Azure.ResourceManager.Resources;
using ImageTools.Emulator.Control;

namespace ImageTools.Emulator.Tests;

/// <summary>
/// A disk imported from a blob of a storage account (createOption Import, sourceUri, storageAccountId)
/// through the SDK: the account read through ARM, the blob read through its SAS, and ARM's refusals of a
/// blob in another region, a dynamic or misaligned VHD and a blob without the conectix cookie.
/// </summary>
public sealed class DiskImportTests : IClassFixture<EmulatorFixture>
{
    private const long MiB = 1024 * 1024;
    private readonly EmulatorFixture _f;
    private static int _accounts;
    public DiskImportTests(EmulatorFixture f) { _f = f; }

    private static byte[] Footer(long virtualSize, int diskType = 2, string cookie = "conectix")
    {
        var f = new byte[512];
        System.Text.Encoding.ASCII.GetBytes(cookie).CopyTo(f, 0);
        BinaryPrimitives.WriteUInt32BigEndian(f.AsSpan(12), 0x00010000);
        BinaryPrimitives.WriteInt64BigEndian(f.AsSpan(40), virtualSize);
        BinaryPrimitives.WriteInt64BigEndian(f.AsSpan(48), virtualSize);
        BinaryPrimitives.WriteUInt32BigEndian(f.AsSpan(60), (uint)diskType);
        uint sum = 0;
        foreach (var b in f) sum += b;
        BinaryPrimitives.WriteUInt32BigEndian(f.AsSpan(64), ~sum);
        return f;
    }

    private async Task<(ResourceGroupResource Group, SeedStorageAccountResult Account, string Name)> Account(string location = "eastus")
    {
        var rg = await _f.CreateResourceGroupAsync(_f.UniqueName("rg-imp-"));
        var name = $"impacct{Interlocked.Increment(ref _accounts)}{Guid.NewGuid():N}"[..20];
        var account = await _f.Server.Control.SeedStorageAccountAsync(new SeedStorageAccountRequest { ResourceGroup = rg.Data.Name, Name = name, Location = location });
        return (rg, account, name);
    }

    private Task<PutBlobResult> Blob(string account, string blob, long virtualSize, byte[] footer, string type = "PageBlob", long? length = null) =>
        _f.Server.Control.PutBlobAsync(account, "vhds", blob, new PutBlobRequest
        {
            BlobType = type, Length = length ?? virtualSize + 512, Footer = Convert.ToBase64String(footer),
        });

    private static ManagedDiskData Import(string uri, string accountId, string location = "eastus") => new(new AzureLocation(location))
    {
        CreationData = new DiskCreationData(DiskCreateOption.Import) { SourceUri = new Uri(uri), StorageAccountId = new ResourceIdentifier(accountId) },
        OSType = SupportedOperatingSystemType.Windows,
        HyperVGeneration = HyperVGeneration.V1,
    };

    [Fact]
    public async Task A_fixed_VHD_blob_becomes_a_disk_whose_size_is_its_virtual_size()
    {
        var (rg, account, name) = await Account();
        var blob = await Blob(name, "base.vhd", 1024 * MiB, Footer(1024 * MiB));
        Assert.StartsWith(account.BlobEndpoint, blob.Uri, StringComparison.Ordinal);

        var disk = (await rg.GetManagedDisks().CreateOrUpdateAsync(WaitUntil.Completed, "imported", Import(blob.Uri, account.Id))).Value;
        Assert.Equal(1, disk.Data.DiskSizeGB);
        Assert.Equal(DiskState.Unattached, disk.Data.DiskState);
        Assert.Equal(DiskCreateOption.Import, disk.Data.CreationData.CreateOption);
        Assert.Equal(blob.Uri, disk.Data.CreationData.SourceUri.ToString());
        Assert.Equal(account.Id, disk.Data.CreationData.StorageAccountId.ToString(), ignoreCase: true);
    }

    [Fact]
    public async Task The_account_reads_through_ARM_and_the_blob_through_its_SAS_with_a_range()
    {
        var (_, account, name) = await Account("westeurope");
        var footer = Footer(20 * MiB);
        var blob = await Blob(name, "small.vhd", 20 * MiB, footer);

        var read = (await _f.Client.GetGenericResource(new ResourceIdentifier(account.Id)).GetAsync()).Value.Data;
        Assert.Equal("westeurope", read.Location.Name);
        Assert.Contains(account.BlobEndpoint, read.Properties.ToString(), StringComparison.Ordinal);

        using var http = new HttpClient(TestArm.PinnedHandler(_f.Server.CertificateThumbprint));
        var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, blob.SasUri));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(20 * MiB + 512, head.Content.Headers.ContentLength);
        Assert.Equal("PageBlob", head.Headers.GetValues("x-ms-blob-type").Single());
        var range = new HttpRequestMessage(HttpMethod.Get, blob.SasUri);
        range.Headers.Add("x-ms-range", $"bytes={20 * MiB}-{20 * MiB + 511}");
        var tail = await http.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, tail.StatusCode);
        Assert.Equal(footer, await tail.Content.ReadAsByteArrayAsync());
        // A private container: no SAS is ResourceNotFound, a wrong one AuthenticationFailed (Storage's answers).
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(blob.Uri)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(blob.Uri + "?sv=2022-11-02&sig=wrong")).StatusCode);
    }

    [Fact]
    public async Task ARM_refuses_a_blob_of_another_region_a_dynamic_or_misaligned_VHD_and_a_missing_cookie_creating_nothing()
    {
        var (rg, account, name) = await Account();
        var good = await Blob(name, "good.vhd", 32 * MiB, Footer(32 * MiB));
        var dynamic = await Blob(name, "dynamic.vhd", 32 * MiB, Footer(32 * MiB, diskType: 3), length: 64 * 1024);
        var misaligned = await Blob(name, "odd.vhd", 32 * MiB + 4096, Footer(32 * MiB + 4096));
        var block = await Blob(name, "block.vhd", 32 * MiB, Footer(32 * MiB), type: "BlockBlob");
        var raw = await Blob(name, "raw.vhd", 32 * MiB, Footer(32 * MiB, cookie: "notavhd!"));
        var disks = rg.GetManagedDisks();

        var region = await Scenario.Fails(() => disks.CreateOrUpdateAsync(WaitUntil.Completed, "r1", Import(good.Uri, account.Id, "westeurope")));
        Assert.Equal("BadRequest", region.ErrorCode);
        Assert.Contains($"The source blob {good.Uri} does not belong to the same region as the disk.", region.Message, StringComparison.Ordinal);
        foreach (var notVhd in new[] { dynamic, misaligned, block })
        {
            var e = await Scenario.Fails(() => disks.CreateOrUpdateAsync(WaitUntil.Completed, "r2", Import(notVhd.Uri, account.Id)));
            Assert.Equal("BadRequest", e.ErrorCode);
            Assert.Contains("Only blobs formatted as VHDs can be imported.", e.Message, StringComparison.Ordinal);
        }
        var cookie = await Scenario.Fails(() => disks.CreateOrUpdateAsync(WaitUntil.Completed, "r3", Import(raw.Uri, account.Id)));
        Assert.Equal("InvalidVhd", cookie.ErrorCode);
        Assert.Contains("Disk is expected to have cookie value 'conectix'.", cookie.Message, StringComparison.Ordinal);
        var missing = await Scenario.Fails(() => disks.CreateOrUpdateAsync(WaitUntil.Completed, "r4",
            Import(good.Uri, account.Id.Replace(name, "nosuchaccount0", StringComparison.Ordinal))));
        Assert.Equal((404, "ResourceNotFound"), (missing.Status, missing.ErrorCode));
        var left = new List<string>();
        await foreach (var disk in disks.GetAllAsync())
            left.Add(disk.Data.Name);
        Assert.Empty(left);
    }
}
