using System.Management.Automation;
using ImageTools.Emulator.Control;
using ImageTools.PowerShell.Tests.Infrastructure;
using ImageTools.Tests.Shared;

namespace ImageTools.PowerShell.Tests;

/// <summary>
/// Through the real cmdlets: Import-Vhd -SourceUri/-StorageAccountId makes a disk from a VHD blob already in
/// a storage account (its footer read through the SAS first) and the specialized disk, piped to
/// New-VmFromImage, becomes one VM by attaching it; a blob in another region, a dynamic VHD blob and a
/// generalized disk attached as a VM are ErrorRecords with zero writes; the SAS never shows.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class ImportBlobAndAttachTests(EmulatorFixture emulator) : IDisposable
{
    private static int _accounts;
    private readonly string _folder = Directory.CreateTempSubdirectory("imagetools-ps-blob-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<(string Group, SeedStorageAccountResult Account, PutBlobResult Blob)> BlobAsync(string vhd, string location = "eastus")
    {
        var group = EmulatorFixture.NewGroup("blob");
        await emulator.CreateGroupAsync(group);
        var name = $"psblob{Interlocked.Increment(ref _accounts)}{Guid.NewGuid():N}"[..20];
        var account = await emulator.Control.SeedStorageAccountAsync(new SeedStorageAccountRequest { ResourceGroup = group, Name = name, Location = location });
        var (length, head, footer) = VhdMaker.BlobParts(vhd);
        var blob = await emulator.Control.PutBlobAsync(name, "vhds", Path.GetFileName(vhd), new PutBlobRequest
        {
            Length = length, Head = Convert.ToBase64String(head), Footer = Convert.ToBase64String(footer),
        });
        return (group, account, blob);
    }

    [Fact]
    public async Task A_specialized_VHD_blob_becomes_a_disk_and_then_its_VM_by_attaching_it()
    {
        var (group, account, blob) = await BlobAsync(VhdMaker.Fixed(Path.Combine(_folder, "app01.vhd"), 64 * VhdMaker.MiB, partitions: "mbr-windows"));
        using var ps = emulator.Session(new TestHost());

        var run = ps.Run($"Import-Vhd -SourceUri $uri -StorageAccountId $account -ResourceGroupName {group} -Location eastus -OsState Specialized -OutVariable disk | " +
            $"New-VmFromImage -ResourceGroupName {group} -Name app01 -Verbose; $disk",
            Kit.Vars(("uri", blob.SasUri), ("account", account.Id))).AssertClean();

        var disk = Assert.Single(run.OutputOf("DiskInfo"));
        Assert.Equal(("app01", "Windows", "V1", "Specialized", blob.Uri), (RunResult.Prop(disk, "Name"), RunResult.Prop(disk, "OsType"),
            RunResult.Prop(disk, "HyperVGeneration"), RunResult.Prop(disk, "OsState"), RunResult.Prop(disk, "SourcePath")));
        var vm = Assert.Single(run.OutputOf("VmInfo"));
        Assert.Equal(("app01", "running"), (RunResult.Prop(vm, "Name"), RunResult.Prop(vm, "PowerState")));
        var arm = await emulator.GetAsync(RunResult.Prop(vm, "Id"));
        var osDisk = arm.GetProperty("properties").GetProperty("storageProfile").GetProperty("osDisk");
        Assert.Equal("Attach", osDisk.GetProperty("createOption").GetString());
        Assert.Equal(RunResult.Prop(disk, "Id"), osDisk.GetProperty("managedDisk").GetProperty("id").GetString(), ignoreCase: true);
        Assert.Contains(run.Verbose, l => l.Contains("(attached as its OS disk)", StringComparison.Ordinal));
        var signature = blob.SasUri[(blob.SasUri.IndexOf("sig=", StringComparison.Ordinal) + 4)..];
        Assert.DoesNotContain(signature, run.AllText(), StringComparison.Ordinal);
        Assert.DoesNotContain(Uri.UnescapeDataString(signature), run.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_blob_in_another_region_and_a_dynamic_VHD_blob_are_refused_with_nothing_written()
    {
        var (group, account, blob) = await BlobAsync(VhdMaker.Fixed(Path.Combine(_folder, "far.vhd"), 21 * VhdMaker.MiB, partitions: "mbr-windows"), "westeurope");
        var (_, eastAccount, dynamic) = await BlobAsync(VhdMaker.Dynamic(Path.Combine(_folder, "dyn.vhd"), 1024 * VhdMaker.MiB));
        using var ps = emulator.Session(new TestHost());
        var mark = await emulator.MarkAsync();

        var run = ps.Run($"Import-Vhd -SourceUri $far -StorageAccountId $account -ResourceGroupName {group} -Location eastus -OsState Specialized; " +
            $"Import-Vhd -SourceUri $dyn -StorageAccountId $east -ResourceGroupName {group} -Location eastus -OsState Specialized; 'after'",
            Kit.Vars(("far", blob.SasUri), ("account", account.Id), ("dyn", dynamic.SasUri), ("east", eastAccount.Id)));

        Assert.Equal(new[] { "ImportStorageAccountLocationMismatch,ImageTools.Commands.ImportVhdCommand", "VhdNotFixed,ImageTools.Commands.ImportVhdCommand" },
            run.Errors.Select(e => e.FullyQualifiedErrorId));
        Assert.Contains("-Location westeurope", run.Errors[0].ErrorDetails.RecommendedAction, StringComparison.Ordinal);
        Assert.Contains("azcopy copy", run.Errors[1].ErrorDetails.RecommendedAction, StringComparison.Ordinal);
        Assert.All(run.Errors, e => Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category));
        Assert.Equal("after", Assert.Single(run.Output).ToString());
        await emulator.AssertNoWritesAsync(mark);
    }

    [Fact]
    public async Task A_generalized_disk_piped_to_New_VmFromImage_is_refused_with_the_image_route_and_nothing_written()
    {
        var group = EmulatorFixture.NewGroup("attach-gen");
        await emulator.CreateGroupAsync(group);
        var vhd = VhdMaker.Fixed(Path.Combine(_folder, "gen.vhd"), 21 * VhdMaker.MiB, partitions: "mbr-windows");
        using var ps = emulator.Session(new TestHost());
        var disk = Assert.Single(ps.Run($"Import-Vhd -Path $vhd -ResourceGroupName {group} -Location eastus -OsState Generalized", Kit.Vars(("vhd", vhd)))
            .AssertClean().OutputOf("DiskInfo"));
        var mark = await emulator.MarkAsync();

        var run = ps.Run($"$disk | New-VmFromImage -ResourceGroupName {group} -Name gen -Credential $cred", Kit.Vars(("disk", disk), ("cred", Kit.Credential())));

        var error = Assert.Single(run.Errors);
        Assert.Equal("DiskSourceGeneralized,ImageTools.Commands.NewVmFromImageCommand", error.FullyQualifiedErrorId);
        Assert.Contains("New-CapturedImage -ResourceId", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
        Assert.Empty(run.OutputOf("VmInfo"));
        await emulator.AssertNoWritesAsync(mark);
    }
}
