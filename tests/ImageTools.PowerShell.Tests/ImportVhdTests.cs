using System.Management.Automation;
using ImageTools.PowerShell.Tests.Infrastructure;
using ImageTools.Tests.Shared;

namespace ImageTools.PowerShell.Tests;

/// <summary>
/// Import-Vhd through the real cmdlet: a fixed 1 GiB VHD the test makes (a sparse file, a partition
/// table, two data runs and a footer with a correct checksum) is uploaded, becomes a managed image and
/// then a VM; a specialized one becomes a specialized gallery version and a VM; a dynamic or misaligned
/// VHD is refused with the command that fixes it and zero writes; -WhatIf and -AsJob behave as elsewhere.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class ImportVhdTests(EmulatorFixture emulator) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("imagetools-ps-vhd-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string File(string name) => Path.Combine(_folder, name);

    [Fact]
    public async Task A_fixed_1_GiB_vhd_is_uploaded_then_becomes_an_image_and_then_a_VM()
    {
        var group = EmulatorFixture.NewGroup("vhd-gen");
        await emulator.CreateGroupAsync(group);
        var vhd = VhdMaker.Fixed(File("web-base.vhd"), 1024 * VhdMaker.MiB, partitions: "gpt-linux");
        using var ps = emulator.Session(new TestHost());

        var run = ps.Run(
            $"$d = Import-Vhd -Path $vhd -ResourceGroupName {group} -Location eastus -OsState Generalized; $d; " +
            $"$d | New-CapturedImage -OutVariable image | New-VmFromImage -ResourceGroupName {group} -Name web -SshPublicKey $key; $image",
            Kit.Vars(("vhd", vhd), ("key", Kit.SshKey))).AssertClean();

        var disk = Assert.Single(run.OutputOf("DiskInfo"));
        Assert.Equal(("web-base", "Unattached", "Linux", "V2", "Generalized", "1"),
            (RunResult.Prop(disk, "Name"), RunResult.Prop(disk, "DiskState"), RunResult.Prop(disk, "OsType"), RunResult.Prop(disk, "HyperVGeneration"),
             RunResult.Prop(disk, "OsState"), RunResult.Prop(disk, "DiskSizeGB")));
        // Only the pages holding data went over the wire: the GPT pages, two data runs and the footer.
        Assert.Equal((3 * 512 + VhdMaker.MiB + 64 * 1024 + 512).ToString(), RunResult.Prop(disk, "BytesUploaded"));
        var held = await emulator.Control.GetDiskAsync(group, "web-base");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, held.GetProperty("vhdFooterProblem").ValueKind);
        Assert.Contains(run.Progress, p => p.Activity == "Uploading 'web-base.vhd'" && p.ParentActivityId == 1);

        var image = Assert.Single(run.OutputOf("ImageInfo"));
        Assert.Equal(("web-base-image", "Disk", "Generalized", "V2"),
            (RunResult.Prop(image, "Name"), RunResult.Prop(image, "SourceKind"), RunResult.Prop(image, "OsState"), RunResult.Prop(image, "HyperVGeneration")));
        var vm = Assert.Single(run.OutputOf("VmInfo"));
        Assert.Equal(("web", "running", "Linux"), (RunResult.Prop(vm, "Name"), RunResult.Prop(vm, "PowerState"), RunResult.Prop(vm, "OsType")));
        Assert.True((await emulator.Control.GetGuestAsync(group, "web")).AgentReady);
    }

    [Fact]
    public async Task A_specialized_vhd_is_refused_as_a_managed_image_and_becomes_a_specialized_version_and_a_VM()
    {
        var group = EmulatorFixture.NewGroup("vhd-spec");
        await emulator.CreateGroupAsync(group);
        var vhd = VhdMaker.Fixed(File("dc-copy.vhd"), 64 * VhdMaker.MiB, partitions: "mbr-windows");
        using var ps = emulator.Session(new TestHost());
        var disk = Assert.Single(ps.Run($"Import-Vhd $vhd -ResourceGroupName {group} -Location eastus -OsState Specialized", Kit.Vars(("vhd", vhd)))
            .AssertClean().OutputOf("DiskInfo"));
        Assert.Equal(("Windows", "V1", "Specialized"), (RunResult.Prop(disk, "OsType"), RunResult.Prop(disk, "HyperVGeneration"), RunResult.Prop(disk, "OsState")));

        var refused = ps.Run("$d | New-CapturedImage", Kit.Vars(("d", disk)));
        var error = Assert.Single(refused.Errors);
        Assert.Equal("SpecializedManagedImage,ImageTools.Commands.NewCapturedImageCommand", error.FullyQualifiedErrorId);
        Assert.Contains("imported from a VHD declared Specialized", error.ErrorDetails.Message);

        var run = ps.Run($"$d | Publish-GalleryVersion -GalleryName {Kit.Gallery(group)} -DefinitionName dc -Publisher contoso -Offer dc -Sku v1 -Version 1.0.0 -OutVariable version | " +
            $"New-VmFromImage -ResourceGroupName {group} -Name dc02; $version", Kit.Vars(("d", disk))).AssertClean();
        var version = Assert.Single(run.OutputOf("GalleryVersionInfo"));
        Assert.Equal("Specialized", RunResult.Prop(version, "OsState"));
        Assert.Equal("Specialized", RunResult.Prop(Assert.Single(run.OutputOf("VmInfo")), "OsState"));
    }

    [Theory]
    [InlineData("dynamic", "VhdNotFixed", "Convert-VHD -Path")]
    [InlineData("misaligned", "VhdSizeNotWholeMiB", "Resize-VHD -Path")]
    public async Task A_dynamic_or_misaligned_vhd_is_refused_with_the_fix_and_zero_writes(string kind, string rule, string remedy)
    {
        var group = EmulatorFixture.NewGroup("vhd-bad");
        await emulator.CreateGroupAsync(group);
        var vhd = kind == "dynamic"
            ? VhdMaker.Dynamic(File("dyn.vhd"), 1024 * VhdMaker.MiB)
            : VhdMaker.Fixed(File("odd.vhd"), 1024 * VhdMaker.MiB + 4096);
        using var ps = emulator.Session(new TestHost());
        var mark = await emulator.MarkAsync();

        var run = ps.Run($"Import-Vhd -Path $vhd -ResourceGroupName {group} -Location eastus -OsState Generalized; 'after'", Kit.Vars(("vhd", vhd)));

        var error = Assert.Single(run.Errors);
        Assert.Equal(rule + ",ImageTools.Commands.ImportVhdCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains(remedy + " '" + vhd + "'", error.ErrorDetails.RecommendedAction);
        Assert.Equal(vhd, error.TargetObject);
        Assert.Equal("after", Assert.Single(run.Output).ToString());
        await emulator.AssertNoWritesAsync(mark);
        Assert.False(await emulator.ExistsAsync($"/subscriptions/{emulator.SubscriptionId}/resourceGroups/{group}/providers/Microsoft.Compute/disks/{Path.GetFileNameWithoutExtension(vhd)}", "2023-04-02"));
    }

    [Fact]
    public async Task WhatIf_lists_the_disk_the_upload_and_the_tag_and_writes_nothing_and_AsJob_runs_it()
    {
        var group = EmulatorFixture.NewGroup("vhd-wi");
        await emulator.CreateGroupAsync(group);
        var vhd = VhdMaker.Fixed(File("job.vhd"), 32 * VhdMaker.MiB);
        using var ps = emulator.Session(new TestHost());
        var mark = await emulator.MarkAsync();

        var whatIf = ps.Run($"Import-Vhd -Path $vhd -ResourceGroupName {group} -Location eastus -OsState Generalized -WhatIf", Kit.Vars(("vhd", vhd))).AssertClean();

        Assert.Empty(whatIf.Output);
        var plan = Kit.Operations(whatIf.WhatIfLines);
        Assert.Equal(3, plan.Count);
        Assert.StartsWith("Create managed disk for upload (" + (32 * VhdMaker.MiB + 512) + " bytes, Linux, V1, Generalized, Standard_LRS)", plan[0].Action);
        Assert.StartsWith("Get write access (SAS", plan[1].Action);
        Assert.Contains("then end the access", plan[1].Action);
        Assert.Contains("imagetools-vhd-uploaded", plan[2].Action);
        Assert.All(plan, s => Assert.EndsWith("/disks/job", s.Target));
        await emulator.AssertNoWritesAsync(mark);

        var job = ps.Run($"Import-Vhd -Path $vhd -ResourceGroupName {group} -Location eastus -OsState Generalized -AsJob | Receive-Job -Wait -AutoRemoveJob",
            Kit.Vars(("vhd", vhd))).AssertClean();
        Assert.Equal("Unattached", RunResult.Prop(Assert.Single(job.OutputOf("DiskInfo")), "DiskState"));
    }
}
