using System.Management.Automation;
using ImageTools.PowerShell.Tests.Infrastructure;

namespace ImageTools.PowerShell.Tests;

/// <summary>
/// Rule refusals as PowerShell sees them: non-terminating ErrorRecords whose
/// FullyQualifiedErrorId is "&lt;RuleId&gt;,ImageTools.Commands.&lt;CmdletClass&gt;", with the rule's
/// category, the resource id as TargetObject and the remedy in ErrorDetails.RecommendedAction,
/// written before any write; the pipeline goes on with its next item.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class ErrorRecordTests(EmulatorFixture emulator)
{
    private static ErrorRecord AssertRefusal(RunResult run, string ruleId, string cmdletClass, ErrorCategory category, string targetId)
    {
        var error = Assert.Single(run.Errors);
        Assert.Equal($"{ruleId},ImageTools.Commands.{cmdletClass}", error.FullyQualifiedErrorId);
        Assert.Equal(category, error.CategoryInfo.Category);
        Assert.Equal(targetId, error.TargetObject as string, ignoreCase: true);
        Assert.False(string.IsNullOrWhiteSpace(error.ErrorDetails?.RecommendedAction), "a remedy is given");
        Assert.False(string.IsNullOrWhiteSpace(error.ErrorDetails?.Message));
        Assert.Null(run.Terminating);
        // Non-terminating: the statement after the cmdlet still ran.
        Assert.Equal("after", run.Output.Last().BaseObject);
        return error;
    }

    [Fact]
    public async Task Capture_of_a_running_VM_that_is_not_generalized_is_refused_with_VmNotGeneralized()
    {
        var group = EmulatorFixture.NewGroup("er-notgen");
        var vm = await emulator.SeedVmAsync(group, "run01");
        using var ps = emulator.Session(new TestHost());
        var mark = await emulator.MarkAsync();

        var run = ps.Run($"New-CapturedImage -ResourceGroupName {group} -Name run01; 'after'");

        var error = AssertRefusal(run, "VmNotGeneralized", "NewCapturedImageCommand", ErrorCategory.InvalidOperation, vm.Id);
        Assert.Contains("Invoke-VmGeneralize", error.ErrorDetails.RecommendedAction);
        await emulator.AssertNoWritesAsync(mark);
    }

    [Fact]
    public async Task Several_refusals_of_one_item_are_one_ErrorRecord_under_the_first_rule_naming_the_others()
    {
        var group = EmulatorFixture.NewGroup("er-stopped");
        var vm = await emulator.SeedVmAsync(group, "stop01", state: "stopped");
        using var ps = emulator.Session(new TestHost());
        var mark = await emulator.MarkAsync();

        var run = ps.Run($"New-CapturedImage -ResourceGroupName {group} -Name stop01; 'after'");

        var error = AssertRefusal(run, "VmNotGeneralized", "NewCapturedImageCommand", ErrorCategory.InvalidOperation, vm.Id);
        Assert.Contains("[StoppedNotDeallocated]", error.ErrorDetails.Message);
        Assert.Contains("stopped but not deallocated", error.ErrorDetails.Message);
        await emulator.AssertNoWritesAsync(mark);
    }

    [Fact]
    public async Task Generalize_of_a_deallocated_VM_is_refused_with_VmNotRunning()
    {
        var group = EmulatorFixture.NewGroup("er-notrun");
        var vm = await emulator.SeedVmAsync(group, "off01", state: "deallocated");
        using var ps = emulator.Session(new TestHost());
        var mark = await emulator.MarkAsync();

        var run = ps.Run($"Invoke-VmGeneralize -ResourceGroupName {group} -Name off01 -Force; 'after'");

        var error = AssertRefusal(run, "VmNotRunning", "InvokeVmGeneralizeCommand", ErrorCategory.InvalidOperation, vm.Id);
        Assert.Contains("-Start", error.ErrorDetails.RecommendedAction);
        await emulator.AssertNoWritesAsync(mark);
    }

    [Fact]
    public async Task New_VmFromImage_without_credentials_from_a_generalized_image_is_refused_with_OsProfileMissing()
    {
        var group = EmulatorFixture.NewGroup("er-osprof");
        var vm = await emulator.SeedVmAsync(group, "gen01", state: "generalized");
        using var ps = emulator.Session(new TestHost());
        var imageId = RunResult.Prop(ps.Run("New-CapturedImage -ResourceId $vmId", Kit.Vars(("vmId", vm.Id))).AssertClean().Output.Single(), "Id");
        var mark = await emulator.MarkAsync();

        var run = ps.Run($"New-VmFromImage -ResourceId $imageId -ResourceGroupName {group} -Name web; 'after'", Kit.Vars(("imageId", imageId)));

        var error = AssertRefusal(run, "OsProfileMissing", "NewVmFromImageCommand", ErrorCategory.InvalidArgument, imageId);
        Assert.Contains("-Credential", error.ErrorDetails.RecommendedAction);
        await emulator.AssertNoWritesAsync(mark);
    }

    [Fact]
    public async Task Several_copies_of_a_specialized_source_are_refused_with_SpecializedCopies()
    {
        var group = EmulatorFixture.NewGroup("er-spec");
        var vm = await emulator.SeedVmAsync(group, "app01");
        var gallery = Kit.Gallery(group);
        using var ps = emulator.Session(new TestHost());
        // A specialized gallery version published straight from the running VM.
        var version = ps.Run(
            $"Publish-GalleryVersion -ResourceId $vmId -GalleryName {gallery} -DefinitionName app -Publisher contoso -Offer app -Sku v1 -OsState Specialized -Version 1.0.0",
            Kit.Vars(("vmId", vm.Id))).AssertClean().Output.Single();
        Assert.Equal("Specialized", RunResult.Prop(version, "OsState"));
        var versionId = RunResult.Prop(version, "Id");
        var mark = await emulator.MarkAsync();

        var run = ps.Run($"New-VmFromImage -ResourceId $versionId -ResourceGroupName {group} -Name copy -Count 2; 'after'", Kit.Vars(("versionId", versionId)));

        var error = AssertRefusal(run, "SpecializedCopies", "NewVmFromImageCommand", ErrorCategory.InvalidArgument, versionId);
        Assert.Contains("-AllowSpecializedCopies", error.ErrorDetails.RecommendedAction);
        await emulator.AssertNoWritesAsync(mark);
    }

    [Fact]
    public async Task A_version_number_that_is_not_Major_Minor_Patch_is_refused_with_GalleryVersionNameInvalid()
    {
        var group = EmulatorFixture.NewGroup("er-ver");
        var vm = await emulator.SeedVmAsync(group, "gen01", state: "generalized");
        var gallery = Kit.Gallery(group);
        using var ps = emulator.Session(new TestHost());
        var mark = await emulator.MarkAsync();

        var run = ps.Run(
            $"Publish-GalleryVersion -ResourceId $vmId -GalleryName {gallery} -DefinitionName web -Publisher contoso -Offer web -Sku v1 -Version 1.0; 'after'",
            Kit.Vars(("vmId", vm.Id)));

        var definitionId = $"/subscriptions/{emulator.SubscriptionId}/resourceGroups/{group}/providers/Microsoft.Compute/galleries/{gallery}/images/web";
        var error = AssertRefusal(run, "GalleryVersionNameInvalid", "PublishGalleryVersionCommand", ErrorCategory.InvalidArgument, definitionId);
        Assert.Contains("Major.Minor.Patch", error.ErrorDetails.RecommendedAction);
        await emulator.AssertNoWritesAsync(mark);
    }

    [Fact]
    public async Task A_refused_pipeline_item_does_not_stop_the_next_one()
    {
        var group = EmulatorFixture.NewGroup("er-next");
        var running = await emulator.SeedVmAsync(group, "run01");
        var generalized = await emulator.SeedVmAsync(group, "gen01", state: "generalized");
        using var ps = emulator.Session(new TestHost());

        var run = ps.Run("$running, $generalized | New-CapturedImage; 'after'", Kit.Vars(("running", running.Id), ("generalized", generalized.Id)));

        var error = Assert.Single(run.Errors);
        Assert.Equal("VmNotGeneralized,ImageTools.Commands.NewCapturedImageCommand", error.FullyQualifiedErrorId);
        Assert.Equal(running.Id, error.TargetObject);
        var image = Assert.Single(run.OutputOf("ImageInfo"));
        Assert.Equal("gen01-image", RunResult.Prop(image, "Name"));
        Assert.True(await emulator.ExistsAsync(RunResult.Prop(image, "Id")));
        Assert.Equal("after", run.Output.Last().BaseObject);
    }

    [Fact]
    public async Task A_script_catches_a_refusal_by_its_id_with_ErrorAction_Stop()
    {
        var group = EmulatorFixture.NewGroup("er-catch");
        await emulator.SeedVmAsync(group, "run01");
        using var ps = emulator.Session(new TestHost());

        var run = ps.Run($$"""
            try { New-CapturedImage -ResourceGroupName {{group}} -Name run01 -ErrorAction Stop; 'not reached' }
            catch { $_.FullyQualifiedErrorId; $_.CategoryInfo.Category.ToString(); $_.ErrorDetails.RecommendedAction }
            """);

        Assert.Null(run.Terminating);
        Assert.Equal(3, run.Output.Count);
        Assert.Equal("VmNotGeneralized,ImageTools.Commands.NewCapturedImageCommand", run.Output[0].BaseObject);
        Assert.Equal("InvalidOperation", run.Output[1].BaseObject);
        Assert.Contains("Invoke-VmGeneralize", (string)run.Output[2].BaseObject);
    }
}
