using ImageTools.Engine.Rules;
using ImageTools.Engine.Tests.Infrastructure;
using ImageTools.Tests.Shared;

namespace ImageTools.Engine.Tests.Import;

/// <summary>Import-Vhd's rules, each refusing a bad VHD or request before anything is created (no write at all).</summary>
[Collection(EmulatorCollection.Name)]
public class ImportRefusalTests(EmulatorFixture emulator) : IDisposable
{
    private readonly ImportKit _kit = new();

    public void Dispose() => _kit.Dispose();

    private async Task<(string Group, PreflightException Error)> RefuseAsync(string path, Action<Engine.Requests.ImportRequest>? configure = null)
    {
        var group = EmulatorFixture.NewGroup("vhdref");
        await ImportKit.GroupAsync(emulator, group);
        return (group, await ImportKit.RefusedAsync(emulator, group, ImportKit.Request(path, group, configure)));
    }

    [Fact]
    public async Task VhdFileUnreadable_a_missing_file_is_refused()
    {
        var (_, e) = await RefuseAsync(_kit.File("nowhere.vhd"));
        Assert.Contains("does not exist", e.Refusal("VhdFileUnreadable").Message);
    }

    [Fact]
    public async Task VhdNotVhd_a_raw_image_and_a_vhdx_are_refused_with_the_conversion()
    {
        var raw = _kit.File("disk.raw");
        await File.WriteAllBytesAsync(raw, new byte[21 * VhdMaker.MiB]);
        var (_, e) = await RefuseAsync(raw);
        var finding = e.Refusal("VhdNotVhd");
        Assert.Contains("conectix", finding.Message);
        Assert.Contains("qemu-img convert -f raw -O vpc -o subformat=fixed,force_size", finding.Remedy);

        var vhdx = _kit.File("disk.vhdx");
        var bytes = new byte[64 * 1024];
        "vhdxfile"u8.ToArray().CopyTo(bytes, 0);
        await File.WriteAllBytesAsync(vhdx, bytes);
        (_, e) = await RefuseAsync(vhdx);
        finding = e.Refusal("VhdNotVhd");
        Assert.Contains("is a VHDX", finding.Message);
        Assert.Contains("Convert-VHD -Path '" + vhdx + "'", finding.Remedy);
        Assert.Contains("-VHDType Fixed", finding.Remedy);
    }

    [Theory]
    [InlineData(3, "dynamic")]
    [InlineData(4, "differencing")]
    public async Task VhdNotFixed_a_dynamic_or_differencing_vhd_is_refused_with_the_command_to_convert_it(int type, string name)
    {
        var path = VhdMaker.Dynamic(_kit.File("dyn.vhd"), 1024 * VhdMaker.MiB, type);
        var (_, e) = await RefuseAsync(path);
        var finding = e.Refusal("VhdNotFixed");
        Assert.Contains($"is a {name} VHD (footer disk type {type})", finding.Message);
        Assert.Contains($"Convert-VHD -Path '{path}' -DestinationPath '{_kit.File("dyn-fixed.vhd")}' -VHDType Fixed", finding.Remedy);
        Assert.Contains("qemu-img convert -f vpc -O vpc -o subformat=fixed,force_size", finding.Remedy);
        Assert.Single(e.Refusals);
    }

    [Fact]
    public async Task VhdFooterChecksumInvalid_a_damaged_footer_is_refused()
    {
        var (_, e) = await RefuseAsync(VhdMaker.Fixed(_kit.File("bad.vhd"), 21 * VhdMaker.MiB, badChecksum: true));
        Assert.Contains("checksum does not match", e.Refusal("VhdFooterChecksumInvalid").Message);
    }

    [Fact]
    public async Task VhdSizeMismatch_a_file_cut_short_is_refused()
    {
        var (_, e) = await RefuseAsync(VhdMaker.Fixed(_kit.File("cut.vhd"), 21 * VhdMaker.MiB, statedSize: 30 * VhdMaker.MiB));
        Assert.Contains($"states a virtual size of {30 * VhdMaker.MiB} bytes but holds {21 * VhdMaker.MiB} bytes", e.Refusal("VhdSizeMismatch").Message);
    }

    [Fact]
    public async Task VhdSizeNotWholeMiB_a_misaligned_vhd_is_refused_naming_the_resize()
    {
        var size = 21 * VhdMaker.MiB + 3 * 512;
        var path = VhdMaker.Fixed(_kit.File("odd.vhd"), size);
        var (_, e) = await RefuseAsync(path);
        var finding = e.Refusal("VhdSizeNotWholeMiB");
        Assert.Contains($"virtual size of VHD '{path}' is {size} bytes, not a whole number of MiB", finding.Message);
        Assert.Contains($"Resize-VHD -Path '{path}' -SizeBytes {22 * VhdMaker.MiB}", finding.Remedy);
        Assert.Contains($"qemu-img resize -f raw <disk.raw> {22 * VhdMaker.MiB}", finding.Remedy);
    }

    [Fact]
    public async Task VhdSizeOutOfRange_a_disk_under_20_MiB_is_refused()
    {
        var (_, e) = await RefuseAsync(VhdMaker.Fixed(_kit.File("tiny.vhd"), 10 * VhdMaker.MiB));
        Assert.Contains("is 10 MiB; Azure takes disks of 20 MiB to 32 TiB", e.Refusal("VhdSizeOutOfRange").Message);
    }

    [Fact]
    public async Task ImportDiskNameInvalid_a_bad_disk_name_is_refused()
    {
        var (_, e) = await RefuseAsync(VhdMaker.Fixed(_kit.File("ok.vhd"), 21 * VhdMaker.MiB), r => r.DiskName = "bad.name");
        Assert.Contains("Disk name 'bad.name' is invalid", e.Refusal("ImportDiskNameInvalid").Message);
    }

    [Fact]
    public async Task ImportResourceGroupNotFound_a_missing_group_is_refused()
    {
        var group = EmulatorFixture.NewGroup("vhdnogroup");
        var e = await ImportKit.RefusedAsync(emulator, group, ImportKit.Request(VhdMaker.Fixed(_kit.File("ok.vhd"), 21 * VhdMaker.MiB), group));
        Assert.Contains($"Resource group '{group}'", e.Refusal("ImportResourceGroupNotFound").Message);
    }

    [Fact]
    public async Task ImportOsStateRequired_an_undeclared_os_state_is_refused()
    {
        var (_, e) = await RefuseAsync(VhdMaker.Fixed(_kit.File("ok.vhd"), 21 * VhdMaker.MiB), r => r.OsState = null);
        Assert.Contains("-OsState Generalized", e.Refusal("ImportOsStateRequired").Remedy);
    }

    [Fact]
    public async Task ImportOsTypeRequired_and_ImportHyperVGenerationRequired_a_disk_without_partitions_needs_both()
    {
        var (_, e) = await RefuseAsync(VhdMaker.Fixed(_kit.File("blank.vhd"), 21 * VhdMaker.MiB, partitions: "none"));
        Assert.Contains("holds no partition table", e.Refusal("ImportOsTypeRequired").Message);
        Assert.Contains("-HyperVGeneration V1", e.Refusal("ImportHyperVGenerationRequired").Remedy);
    }

    [Fact]
    public async Task ImportHyperVGenerationMismatch_a_gpt_disk_declared_V1_is_refused()
    {
        var (_, e) = await RefuseAsync(VhdMaker.Fixed(_kit.File("gpt.vhd"), 21 * VhdMaker.MiB, partitions: "gpt-windows"), r => r.HyperVGeneration = "V1");
        Assert.Contains("partitioned GPT, which boots only as V2 (UEFI)", e.Refusal("ImportHyperVGenerationMismatch").Message);
    }

    [Fact]
    public async Task ImportDiskExists_another_disk_of_that_name_is_never_overwritten()
    {
        var group = EmulatorFixture.NewGroup("vhdexists");
        await emulator.BareDiskAsync(group, "taken");
        var e = await ImportKit.RefusedAsync(emulator, group, ImportKit.Request(VhdMaker.Fixed(_kit.File("ok.vhd"), 21 * VhdMaker.MiB), group, r => r.DiskName = "taken"));
        var finding = e.Refusal("ImportDiskExists");
        Assert.Contains("it is not this VHD's", finding.Message);
        Assert.Contains("Remove-AzDisk", finding.Remedy);
    }
}
