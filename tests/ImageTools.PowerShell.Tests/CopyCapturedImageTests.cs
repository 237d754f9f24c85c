using System.Management.Automation;
using ImageTools.PowerShell.Tests.Infrastructure;

namespace ImageTools.PowerShell.Tests;

/// <summary>
/// Copy-CapturedImage through the real cmdlet: an image captured from a generalized VM is copied to
/// another region and deploys there; a copy to another group; a gallery version is refused with
/// replication as the remedy, with zero writes; -WhatIf lists the snapshot copies and writes nothing.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class CopyCapturedImageTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task An_image_copied_to_another_region_deploys_there()
    {
        var group = EmulatorFixture.NewGroup("copy-xr");
        await emulator.SeedVmAsync(group, "base01", state: "generalized", os: "Linux");
        using var ps = emulator.Session(new TestHost());

        var run = ps.Run(
            $"New-CapturedImage -ResourceGroupName {group} -Name base01 | Copy-CapturedImage -TargetLocation westeurope -OutVariable copy | " +
            $"New-VmFromImage -ResourceGroupName {group} -Name web-we -SshPublicKey $key; $copy",
            Kit.Vars(("key", Kit.SshKey))).AssertClean();

        var images = run.OutputOf("ImageInfo");
        var copy = Assert.Single(images);
        Assert.Equal(("base01-image-westeurope", "westeurope", "Image"), (RunResult.Prop(copy, "Name"), RunResult.Prop(copy, "Location"), RunResult.Prop(copy, "SourceKind")));
        Assert.EndsWith("/images/base01-image", RunResult.Prop(copy, "SourceId"));
        var vm = Assert.Single(run.OutputOf("VmInfo"));
        Assert.Equal(("web-we", "westeurope", "running"), (RunResult.Prop(vm, "Name"), RunResult.Prop(vm, "Location"), RunResult.Prop(vm, "PowerState")));
        Assert.Equal(RunResult.Prop(copy, "Id"), RunResult.Prop(vm, "SourceImageId"), ignoreCase: true);
        Assert.Contains(run.Progress, p => p.Activity == "Copying the OS disk to westeurope" && p.PercentComplete == 100);
    }

    [Fact]
    public async Task A_copy_to_another_group_keeps_the_region_and_the_name_and_WhatIf_writes_nothing()
    {
        var group = EmulatorFixture.NewGroup("copy-rg");
        var target = EmulatorFixture.NewGroup("copy-rg-t");
        await emulator.SeedVmAsync(group, "base02", state: "generalized");
        await emulator.CreateGroupAsync(target);
        using var ps = emulator.Session(new TestHost());
        var image = Assert.Single(ps.Run($"New-CapturedImage -ResourceGroupName {group} -Name base02").AssertClean().OutputOf("ImageInfo"));
        var mark = await emulator.MarkAsync();

        var whatIf = ps.Run($"$i | Copy-CapturedImage -TargetResourceGroupName {target} -WhatIf", Kit.Vars(("i", image))).AssertClean();

        Assert.Empty(whatIf.Output);
        var plan = Kit.Operations(whatIf.WhatIfLines);
        Assert.Equal(2, plan.Count);
        Assert.EndsWith($"/resourceGroups/{target}/providers/Microsoft.Compute/snapshots/base02-image-os-copy", plan[0].Target);
        Assert.StartsWith("Create managed image 'base02-image' in eastus", plan[1].Action);
        await emulator.AssertNoWritesAsync(mark);

        var copy = Assert.Single(ps.Run($"Copy-CapturedImage -ResourceGroupName {group} -Name base02-image -TargetResourceGroupName {target}").AssertClean().OutputOf("ImageInfo"));
        Assert.Equal((target, "base02-image", "eastus"), (RunResult.Prop(copy, "ResourceGroupName"), RunResult.Prop(copy, "Name"), RunResult.Prop(copy, "Location")));
    }

    [Fact]
    public async Task A_gallery_version_is_refused_with_replication_as_the_remedy_and_zero_writes()
    {
        var group = EmulatorFixture.NewGroup("copy-gal");
        var vm = await emulator.SeedVmAsync(group, "base03", state: "generalized");
        using var ps = emulator.Session(new TestHost());
        var version = Assert.Single(ps.Run($"Publish-GalleryVersion -ResourceId $vm -GalleryName {Kit.Gallery(group)} -DefinitionName web -Publisher contoso -Offer web -Sku v1 -Version 1.0.0",
            Kit.Vars(("vm", vm.Id))).AssertClean().OutputOf("GalleryVersionInfo"));
        var mark = await emulator.MarkAsync();

        var run = ps.Run("$v | Copy-CapturedImage -TargetLocation westeurope", Kit.Vars(("v", version)));

        var error = Assert.Single(run.Errors);
        Assert.Equal("CopySourceIsGalleryVersion,ImageTools.Commands.CopyCapturedImageCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("Publish-GalleryVersion", error.ErrorDetails.RecommendedAction);
        Assert.Contains("-TargetRegion", error.ErrorDetails.RecommendedAction);
        await emulator.AssertNoWritesAsync(mark);
    }
}
