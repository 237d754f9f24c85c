using System.Management.Automation;
using ImageTools.PowerShell.Tests.Infrastructure;

namespace ImageTools.PowerShell.Tests;

/// <summary>
/// The pipeline for a specialized machine (disaster recovery, a copy that keeps its identity),
/// through the real cmdlets: a running or stopped VM, a disk or a pre-generalize snapshot becomes
/// a Specialized gallery version, and New-VmFromImage makes one copy without credentials. Azure has
/// no specialized managed images: New-CapturedImage refuses them before any write, and the command
/// its remedy names works as given.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class SpecializedPipelineTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_running_VM_becomes_a_specialized_version_and_one_copy_without_credentials()
    {
        var group = EmulatorFixture.NewGroup("spec-run");
        var vm = await emulator.SeedVmAsync(group, "dr01");
        using var ps = emulator.Session(new TestHost());

        var run = ps.Run(
            $"$v = Publish-GalleryVersion -ResourceId $vmId -GalleryName {Kit.Gallery(group)} -DefinitionName dr -Publisher contoso -Offer dr -Sku v2 -OsState Specialized -Version auto; " +
            $"$v; $v | New-VmFromImage -ResourceGroupName {group} -Name copy -Verbose",
            Kit.Vars(("vmId", vm.Id))).AssertClean();

        var version = Assert.Single(run.OutputOf("GalleryVersionInfo"));
        Assert.Equal("Specialized", RunResult.Prop(version, "OsState"));
        Assert.Equal(vm.Id, RunResult.Prop(version, "SourceId"), ignoreCase: true);
        var copy = Assert.Single(run.OutputOf("VmInfo"));
        Assert.Equal(("copy", "Specialized", "running"), (RunResult.Prop(copy, "Name"), RunResult.Prop(copy, "OsState"), RunResult.Prop(copy, "PowerState")));
        // A specialized copy keeps the source's computer name: no line claims another one.
        Assert.Contains(run.Verbose, l => l.Contains("VM 'copy': creating the VM", StringComparison.Ordinal) && l.Contains("the source's computer name", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Verbose, l => l.Contains("computer name 'copy'", StringComparison.Ordinal));
        var created = await emulator.GetAsync(RunResult.Prop(copy, "Id"));
        Assert.False(created.GetProperty("properties").TryGetProperty("osProfile", out _), "a specialized copy has no OS profile");
        // The source VM was left as it was: running, not generalized.
        var source = await emulator.GetAsync(vm.Id + "/instanceView");
        Assert.Contains(source.GetProperty("statuses").EnumerateArray(), s => s.Str("code") == "PowerState/running");
        Assert.DoesNotContain(source.GetProperty("statuses").EnumerateArray(), s => s.Str("code") == "OSState/generalized");
    }

    [Fact]
    public async Task A_stopped_VM_publishes_into_the_existing_specialized_definition_and_copies_need_AllowSpecializedCopies()
    {
        var group = EmulatorFixture.NewGroup("spec-stop");
        var first = await emulator.SeedVmAsync(group, "dr02");
        var stopped = await emulator.SeedVmAsync(group, "dr03", state: "stopped");
        var gallery = Kit.Gallery(group);
        using var ps = emulator.Session(new TestHost());
        ps.Run($"Publish-GalleryVersion -ResourceId $id -GalleryName {gallery} -DefinitionName dr -Publisher contoso -Offer dr -Sku v2 -OsState Specialized -Version auto",
            Kit.Vars(("id", first.Id))).AssertClean();

        // The definition exists: its OS state is the version's, nothing more to say.
        var second = ps.Run($"Publish-GalleryVersion -ResourceId $id -GalleryName {gallery} -DefinitionName dr -Version auto", Kit.Vars(("id", stopped.Id))).AssertClean();
        var version = Assert.Single(second.OutputOf("GalleryVersionInfo"));
        Assert.Equal(("1.0.1", "Specialized"), (RunResult.Prop(version, "Name"), RunResult.Prop(version, "OsState")));

        var refused = ps.Run($"New-VmFromImage -ResourceId $v -ResourceGroupName {group} -Name twin -Count 2", Kit.Vars(("v", RunResult.Prop(version, "Id"))));
        Assert.Equal("SpecializedCopies,ImageTools.Commands.NewVmFromImageCommand", Assert.Single(refused.Errors).FullyQualifiedErrorId);

        var twins = ps.Run($"New-VmFromImage -ResourceId $v -ResourceGroupName {group} -Name twin -Count 2 -AllowSpecializedCopies",
            Kit.Vars(("v", RunResult.Prop(version, "Id")))).AssertClean();
        Assert.Equal(2, twins.OutputOf("VmInfo").Count);
    }

    [Fact]
    public async Task A_disk_stated_specialized_is_refused_as_a_managed_image_and_the_remedy_command_publishes_it()
    {
        var group = EmulatorFixture.NewGroup("spec-disk");
        var vm = await emulator.SeedVmAsync(group, "dr04", state: "deallocated");
        using var ps = emulator.Session(new TestHost());
        var mark = await emulator.MarkAsync();

        var refused = ps.Run($"New-CapturedImage -ResourceId $disk -OsState Specialized -OsType Windows -ImageName dr04-image", Kit.Vars(("disk", vm.OsDiskId)));

        var error = Assert.Single(refused.Errors);
        Assert.Equal("SpecializedManagedImage,ImageTools.Commands.NewCapturedImageCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("The value of parameter osDisk.osState is invalid.", error.ErrorDetails.Message);
        await emulator.AssertNoWritesAsync(mark);
        Assert.False(await emulator.ExistsAsync($"/subscriptions/{emulator.SubscriptionId}/resourceGroups/{group}/providers/Microsoft.Compute/images/dr04-image"));

        // The remedy's command, placeholders filled in, runs as written.
        var remedy = error.ErrorDetails.RecommendedAction;
        var command = remedy[remedy.IndexOf("Publish-GalleryVersion", StringComparison.Ordinal)..remedy.IndexOf(". VMs", StringComparison.Ordinal)]
            .Replace("<gallery>", Kit.Gallery(group)).Replace("<definition>", "drdisk")
            .Replace("<publisher>", "contoso").Replace("<offer>", "dr").Replace("<sku>", "disk");
        var published = ps.Run(command + " -Version 1.0.0").AssertClean();
        var version = Assert.Single(published.OutputOf("GalleryVersionInfo"));
        Assert.Equal(("Specialized", "Windows", "V2"), (RunResult.Prop(version, "OsState"), RunResult.Prop(version, "OsType"), RunResult.Prop(version, "HyperVGeneration")));
    }

    [Fact]
    public async Task A_pre_generalize_snapshot_is_refused_as_a_managed_image_and_publishes_as_specialized()
    {
        var group = EmulatorFixture.NewGroup("spec-snap");
        await emulator.SeedVmAsync(group, "dr05");
        using var ps = emulator.Session(new TestHost());
        var vm = Assert.Single(ps.Run($"Invoke-VmGeneralize -ResourceGroupName {group} -Name dr05 -Force").AssertClean().OutputOf("VmInfo"));
        var snapshot = Assert.Single((IEnumerable<object>)vm.Properties["SnapshotIds"].Value).ToString()!;
        var mark = await emulator.MarkAsync();

        var refused = ps.Run("New-CapturedImage -ResourceId $s", Kit.Vars(("s", snapshot)));
        Assert.Equal("SpecializedManagedImage,ImageTools.Commands.NewCapturedImageCommand", Assert.Single(refused.Errors).FullyQualifiedErrorId);
        Assert.Contains("pre-generalize snapshot", refused.Errors[0].ErrorDetails.Message);
        await emulator.AssertNoWritesAsync(mark);

        var run = ps.Run(
            $"Publish-GalleryVersion -ResourceId $s -GalleryName {Kit.Gallery(group)} -DefinitionName restore -Publisher contoso -Offer dr -Sku snap -Version auto | " +
            $"New-VmFromImage -ResourceGroupName {group} -Name restored", Kit.Vars(("s", snapshot))).AssertClean();
        var restored = Assert.Single(run.OutputOf("VmInfo"));
        Assert.Equal("Specialized", RunResult.Prop(restored, "OsState"));
    }
}
