using Azure.Core;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;
using ImageTools.Emulator.Control;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Rules;
using ImageTools.Engine.Tests.Infrastructure;
using ImageTools.Tests.Shared;

namespace ImageTools.Engine.Tests.Import;

/// <summary>
/// Import-Vhd from a blob already in a storage account (createOption Import): the account and, with a SAS,
/// the blob's footer and partitions are read first, and the blob rules (ImportStorageAccountNotFound,
/// ImportBlobUriInvalid, ImportStorageAccountLocationMismatch, ImportBlobNotFound, ImportBlobAccessDenied,
/// ImportBlobNotPageBlob) and the footer rules refuse before anything is created; the SAS is never shown.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class ImportBlobTests(EmulatorFixture emulator) : IDisposable
{
    private static int _accounts;
    private readonly ImportKit _kit = new();

    public void Dispose() => _kit.Dispose();

    private async Task<(string Group, SeedStorageAccountResult Account, string Name)> AccountAsync(string location = "eastus")
    {
        var group = EmulatorFixture.NewGroup("vhdblob");
        await ImportKit.GroupAsync(emulator, group);
        var name = $"blob{Interlocked.Increment(ref _accounts)}{Guid.NewGuid():N}"[..20];
        return (group, await emulator.Control.SeedStorageAccountAsync(new SeedStorageAccountRequest { ResourceGroup = group, Name = name, Location = location }), name);
    }

    private async Task<PutBlobResult> BlobAsync(string account, string blob, string path, string type = "PageBlob")
    {
        var (length, head, footer) = VhdMaker.BlobParts(path);
        return await emulator.Control.PutBlobAsync(account, "vhds", blob, new PutBlobRequest
        {
            BlobType = type, Length = length, Head = Convert.ToBase64String(head), Footer = Convert.ToBase64String(footer),
        });
    }

    private static ImportRequest Request(string uri, string accountId, string group, Action<ImportRequest>? configure = null)
    {
        var request = new ImportRequest { SourceUri = uri, StorageAccountId = accountId, ResourceGroupName = group, Location = "eastus", OsState = "Specialized" };
        configure?.Invoke(request);
        return request;
    }

    [Fact]
    public async Task A_fixed_VHD_blob_read_through_its_SAS_becomes_a_disk_and_a_rerun_writes_nothing()
    {
        var (group, account, name) = await AccountAsync();
        var blob = await BlobAsync(name, "base.vhd", VhdMaker.Fixed(_kit.File("base.vhd"), 21 * VhdMaker.MiB, partitions: "gpt-windows"));
        var host = new RecordingHost();
        var disk = await emulator.Engine.ImportAsync(Request(blob.SasUri, account.Id, group), host);

        Assert.Equal(("base", "Windows", "V2", "Specialized", "Unattached"), (disk!.Name, disk.OsType, disk.HyperVGeneration, disk.OsState, disk.DiskState));
        Assert.Equal(blob.Uri, disk.SourcePath);
        Assert.Contains(host.Verbose, v => v.Contains("fixed VHD, virtual size 22020096 bytes, footer checksum valid, partitions GPT (Windows)", StringComparison.Ordinal));
        var arm = (await emulator.Client.GetManagedDiskResource(new ResourceIdentifier(disk.Id)).GetAsync()).Value.Data;
        Assert.Equal(DiskCreateOption.Import, arm.CreationData.CreateOption);
        Assert.Equal(blob.Uri, arm.CreationData.SourceUri.ToString());
        Assert.Equal(account.Id, arm.CreationData.StorageAccountId.ToString(), ignoreCase: true);
        // The SAS is a secret: not in any line, tag or ARM request.
        var signature = blob.SasUri[(blob.SasUri.IndexOf("sig=", StringComparison.Ordinal) + 4)..];
        Assert.DoesNotContain(host.Verbose.Concat(host.Warnings), l => l.Contains(signature, StringComparison.Ordinal));
        Assert.DoesNotContain(arm.Tags.Values, v => v.Contains(signature, StringComparison.Ordinal));
        Assert.DoesNotContain(await emulator.RequestsAsync(group), r => r.Query.Contains(signature, StringComparison.Ordinal));

        var mark = await emulator.MarkAsync();
        var prepared = await emulator.Engine.PrepareImportAsync(Request(blob.SasUri, account.Id, group), new RecordingHost(), CancellationToken.None);
        Assert.Equal("VhdAlreadyImported", prepared.AlreadyDone!.RuleId);
        await emulator.AssertNoWritesAsync(group, mark);
    }

    [Fact]
    public async Task A_blob_without_a_SAS_is_left_to_Azure_and_needs_its_OS_type_and_generation_stated()
    {
        var (group, account, name) = await AccountAsync();
        var blob = await BlobAsync(name, "plain.vhd", VhdMaker.Fixed(_kit.File("plain.vhd"), 21 * VhdMaker.MiB, partitions: "mbr-linux"));
        var e = await ImportKit.RefusedAsync(emulator, group, Request(blob.Uri, account.Id, group));
        Assert.Contains("the blob was not read (no SAS)", e.Refusal("ImportOsTypeRequired").Message, StringComparison.Ordinal);
        Assert.Contains(e.Refusals, f => f.RuleId == "ImportHyperVGenerationRequired");

        var host = new RecordingHost();
        var disk = await emulator.Engine.ImportAsync(Request(blob.Uri, account.Id, group, r => { r.OsType = "Linux"; r.HyperVGeneration = "V1"; }), host);
        Assert.Equal(("Linux", "V1"), (disk!.OsType, disk.HyperVGeneration));
        Assert.Contains(host.Verbose, v => v.Contains("was not read (HTTP 404, ResourceNotFound", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_account_and_the_URL_are_checked_before_anything_is_created()
    {
        var (group, account, name) = await AccountAsync();
        var blob = await BlobAsync(name, "base.vhd", VhdMaker.Fixed(_kit.File("base.vhd"), 21 * VhdMaker.MiB, partitions: "mbr-windows"));

        var missing = await ImportKit.RefusedAsync(emulator, group, Request(blob.SasUri, account.Id.Replace(name, "nosuchaccount1", StringComparison.Ordinal), group));
        Assert.Contains("does not exist", missing.Refusal("ImportStorageAccountNotFound").Message, StringComparison.Ordinal);
        var notAnId = await ImportKit.RefusedAsync(emulator, group, Request(blob.SasUri, "contoso", group));
        Assert.Contains("is not the resource id of a storage account", notAnId.Refusal("ImportStorageAccountNotFound").Message, StringComparison.Ordinal);

        var (_, other, _) = await AccountAsync();
        var elsewhere = await ImportKit.RefusedAsync(emulator, group, Request(blob.SasUri, other.Id, group));
        Assert.Contains("is not under the storage account's blob endpoint", elsewhere.Refusal("ImportBlobUriInvalid").Message, StringComparison.Ordinal);
        var notVhd = await ImportKit.RefusedAsync(emulator, group, Request(blob.Uri.Replace(".vhd", ".img", StringComparison.Ordinal), account.Id, group));
        Assert.Contains("does not end with .vhd", notVhd.Refusal("ImportBlobUriInvalid").Message, StringComparison.Ordinal);

        var region = await ImportKit.RefusedAsync(emulator, group, Request(blob.SasUri, account.Id, group, r => r.Location = "westeurope"));
        var finding = region.Refusal("ImportStorageAccountLocationMismatch");
        Assert.Contains("does not belong to the same region as the disk", finding.Message, StringComparison.Ordinal);
        Assert.Contains("-Location eastus", finding.Remedy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_or_unreadable_blob_a_block_blob_and_a_bad_footer_are_refused_with_nothing_created()
    {
        var (group, account, name) = await AccountAsync();
        var good = await BlobAsync(name, "good.vhd", VhdMaker.Fixed(_kit.File("good.vhd"), 21 * VhdMaker.MiB, partitions: "mbr-windows"));
        var block = await BlobAsync(name, "block.vhd", _kit.File("good.vhd"), type: "BlockBlob");
        var dynamic = await BlobAsync(name, "dynamic.vhd", VhdMaker.Dynamic(_kit.File("dynamic.vhd"), 1024 * VhdMaker.MiB));
        var odd = await BlobAsync(name, "odd.vhd", VhdMaker.Fixed(_kit.File("odd.vhd"), 21 * VhdMaker.MiB + 4096, partitions: "mbr-windows"));

        var gone = await ImportKit.RefusedAsync(emulator, group, Request(good.SasUri.Replace("good.vhd", "gone.vhd", StringComparison.Ordinal), account.Id, group));
        Assert.Contains("does not exist in storage account", gone.Refusal("ImportBlobNotFound").Message, StringComparison.Ordinal);
        var denied = await ImportKit.RefusedAsync(emulator, group, Request(good.Uri + "?sv=2022-11-02&sr=b&sp=r&sig=expired", account.Id, group));
        Assert.Contains("New-AzStorageBlobSASToken", denied.Refusal("ImportBlobAccessDenied").Remedy, StringComparison.Ordinal);
        var notPage = await ImportKit.RefusedAsync(emulator, group, Request(block.SasUri, account.Id, group));
        Assert.Contains("--blob-type PageBlob", notPage.Refusal("ImportBlobNotPageBlob").Remedy, StringComparison.Ordinal);

        var notFixed = (await ImportKit.RefusedAsync(emulator, group, Request(dynamic.SasUri, account.Id, group))).Refusal("VhdNotFixed");
        Assert.Contains($"azcopy copy '{dynamic.Uri}?<SAS>' 'dynamic.vhd'", notFixed.Remedy, StringComparison.Ordinal);
        Assert.Contains("Convert-VHD -Path 'dynamic.vhd' -DestinationPath 'dynamic-fixed.vhd' -VHDType Fixed", notFixed.Remedy, StringComparison.Ordinal);
        var misaligned = (await ImportKit.RefusedAsync(emulator, group, Request(odd.SasUri, account.Id, group))).Refusal("VhdSizeNotWholeMiB");
        Assert.Contains("not a whole number of MiB", misaligned.Message, StringComparison.Ordinal);
        Assert.Contains("Resize-VHD -Path 'odd.vhd'", misaligned.Remedy, StringComparison.Ordinal);
    }
}
