using System.Management.Automation;
using ImageTools.PowerShell.Tests.Infrastructure;

namespace ImageTools.PowerShell.Tests;

/// <summary>
/// -Confirm and -Force through PowerShell's own ShouldProcess/ShouldContinue: in an interactive
/// host the prompts really appear (answered by the test host) and a "No" writes nothing;
/// -Force writes without a prompt. In a host that cannot prompt (a runspace without a host:
/// PowerShell's "Default Host", as in Azure Automation) a confirmation that would be needed is
/// refused with ConfirmationRequired before any write.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class ConfirmationTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task Interactive_Invoke_VmGeneralize_prompts_by_default_and_No_to_All_writes_nothing()
    {
        var group = EmulatorFixture.NewGroup("cf-no");
        var vm = await emulator.SeedVmAsync(group, "win01");
        var host = new TestHost();
        host.Answers.Enqueue("No to All");
        using var ps = emulator.Session(host);
        var mark = await emulator.MarkAsync();

        var run = ps.Run($"Invoke-VmGeneralize -ResourceGroupName {group} -Name win01");

        var prompt = Assert.Single(run.Prompts);
        Assert.Contains("Probe domain membership", prompt.Message);
        Assert.Contains(vm.Id, prompt.Message);
        Assert.Contains("No to All", prompt.Choices);
        Assert.Null(run.Terminating);
        Assert.Empty(run.OutputOf("VmInfo"));
        await emulator.AssertNoWritesAsync(mark);
        var guest = await emulator.Control.GetGuestAsync(group, "win01");
        Assert.Equal("running", guest.PowerState);
        Assert.False(guest.Generalized);
        Assert.Empty(guest.Scripts ?? new List<string>());
    }

    [Fact]
    public async Task Interactive_Confirm_asks_every_step_first_and_one_No_among_Yes_writes_nothing()
    {
        var group = EmulatorFixture.NewGroup("cf-mixed");
        var vm = await emulator.SeedVmAsync(group, "gen01", state: "generalized");
        var gallery = Kit.Gallery(group);
        var host = new TestHost();
        using var ps = emulator.Session(host);
        var command = $"Publish-GalleryVersion -ResourceId $vmId -GalleryName {gallery} -DefinitionName web -Publisher contoso -Offer web -Sku v1 -Version 1.0.0 -Confirm";
        var mark = await emulator.MarkAsync();

        foreach (var answer in new[] { "Yes", "No", "Yes" })
            host.Answers.Enqueue(answer);
        var declined = ps.Run(command, Kit.Vars(("vmId", vm.Id)));

        Assert.Equal(3, declined.Prompts.Count);
        Assert.Contains($"Create gallery '{gallery}'", declined.Prompts[0].Message);
        Assert.Contains("Create image definition 'web'", declined.Prompts[1].Message);
        Assert.Contains("Create image version '1.0.0'", declined.Prompts[2].Message);
        Assert.Empty(declined.Output);
        await emulator.AssertNoWritesAsync(mark);

        host.Answers.Enqueue("Yes to All");
        var accepted = ps.Run(command, Kit.Vars(("vmId", vm.Id))).AssertClean();

        Assert.Single(accepted.Prompts);
        Assert.Single(accepted.OutputOf("GalleryVersionInfo"));
        Assert.True(await emulator.ExistsAsync(RunResult.Prop(accepted.Output.Single(), "Id"), "2022-03-03"));
    }

    [Fact]
    public async Task Interactive_DeleteSourceVm_is_asked_as_irreversible_even_from_a_Medium_cmdlet_and_No_writes_nothing()
    {
        var group = EmulatorFixture.NewGroup("cf-del");
        var vm = await emulator.SeedVmAsync(group, "gen01", state: "generalized");
        var host = new TestHost();
        host.Answers.Enqueue("No");
        using var ps = emulator.Session(host);
        var mark = await emulator.MarkAsync();

        var run = ps.Run($"New-CapturedImage -ResourceGroupName {group} -Name gen01 -DeleteSourceVm");

        var prompt = Assert.Single(run.Prompts);
        Assert.Equal("Irreversible step", prompt.Caption);
        Assert.Contains("Delete the source VM", prompt.Message);
        Assert.Contains("cannot be undone", prompt.Message);
        Assert.Empty(run.Output);
        await emulator.AssertNoWritesAsync(mark);
        Assert.True(await emulator.ExistsAsync(vm.Id));
        Assert.False(await emulator.ExistsAsync($"/subscriptions/{emulator.SubscriptionId}/resourceGroups/{group}/providers/Microsoft.Compute/images/gen01-image"));
    }

    [Fact]
    public async Task ConfirmPreference_Medium_makes_a_Medium_cmdlet_prompt_and_Confirm_false_does_not()
    {
        var group = EmulatorFixture.NewGroup("cf-pref");
        await emulator.SeedVmAsync(group, "gen01", state: "generalized");
        var host = new TestHost();
        host.Answers.Enqueue("No");
        using var ps = emulator.Session(host);
        ps.Run("$ConfirmPreference = 'Medium'").AssertClean();
        var mark = await emulator.MarkAsync();

        var declined = ps.Run($"New-CapturedImage -ResourceGroupName {group} -Name gen01");

        var prompt = Assert.Single(declined.Prompts);
        Assert.Contains("Create managed image", prompt.Message);
        Assert.Empty(declined.Output);
        await emulator.AssertNoWritesAsync(mark);

        var confirmed = ps.Run($"New-CapturedImage -ResourceGroupName {group} -Name gen01 -Confirm:$false").AssertClean();

        Assert.Empty(confirmed.Prompts);
        Assert.Single(confirmed.OutputOf("ImageInfo"));
    }

    [Fact]
    public async Task Interactive_Force_writes_without_any_prompt()
    {
        var group = EmulatorFixture.NewGroup("cf-force");
        var source = await emulator.SeedVmAsync(group, "gen01", state: "generalized");
        await emulator.SeedVmAsync(group, "lin01", os: "Linux");
        var host = new TestHost();
        using var ps = emulator.Session(host);

        var run = ps.Run($"""
            New-CapturedImage -ResourceGroupName {group} -Name gen01 -DeleteSourceVm -Force
            Invoke-VmGeneralize -ResourceGroupName {group} -Name lin01 -Force
            """).AssertClean();

        Assert.Empty(run.Prompts);
        Assert.Empty(host.Prompts);
        var image = Assert.Single(run.OutputOf("ImageInfo"));
        Assert.True(await emulator.ExistsAsync(RunResult.Prop(image, "Id")));
        Assert.False(await emulator.ExistsAsync(source.Id), "-DeleteSourceVm -Force deleted the source VM");
        Assert.Equal("Generalized", RunResult.Prop(Assert.Single(run.OutputOf("VmInfo")), "OsState"));
        Assert.True((await emulator.Control.GetGuestAsync(group, "lin01")).Generalized);
    }

    [Fact]
    public async Task Non_interactive_Invoke_VmGeneralize_without_Force_is_refused_with_ConfirmationRequired_and_with_Force_succeeds()
    {
        var group = EmulatorFixture.NewGroup("cf-ni-gen");
        await emulator.SeedVmAsync(group, "lin01", os: "Linux");
        using var ps = emulator.Session(host: null);
        Assert.Equal("Default Host", ps.Run("$Host.Name").AssertClean().Output.Single().BaseObject);
        var mark = await emulator.MarkAsync();

        var refused = ps.Run($"Invoke-VmGeneralize -ResourceGroupName {group} -Name lin01; 'after'");

        var error = Assert.Single(refused.Errors);
        Assert.Equal("ConfirmationRequired,ImageTools.Commands.InvokeVmGeneralizeCommand", error.FullyQualifiedErrorId);
        Assert.Contains("Invoke-VmGeneralize", error.ErrorDetails.Message);
        Assert.Contains("Nothing was written", error.ErrorDetails.Message);
        Assert.Contains("-Force", error.ErrorDetails.RecommendedAction);
        // The target is the first planned step's (for a Linux VM: its OS disk's snapshot), named in the message.
        Assert.Equal($"/subscriptions/{emulator.SubscriptionId}/resourceGroups/{group}/providers/Microsoft.Compute/snapshots/lin01-os-pregeneralize", error.TargetObject);
        Assert.Contains((string)error.TargetObject, error.ErrorDetails.Message);
        Assert.Equal("after", Assert.Single(refused.Output).BaseObject);
        await emulator.AssertNoWritesAsync(mark);
        Assert.False((await emulator.Control.GetGuestAsync(group, "lin01")).Generalized);

        var forced = ps.Run($"Invoke-VmGeneralize -ResourceGroupName {group} -Name lin01 -Force").AssertClean();

        Assert.Equal("Generalized", RunResult.Prop(Assert.Single(forced.OutputOf("VmInfo")), "OsState"));
        Assert.True((await emulator.Control.GetGuestAsync(group, "lin01")).Generalized);
    }

    [Fact]
    public async Task Non_interactive_New_CapturedImage_DeleteSourceVm_without_Force_is_refused_before_the_image_is_made()
    {
        var group = EmulatorFixture.NewGroup("cf-ni-del");
        var vm = await emulator.SeedVmAsync(group, "gen01", state: "generalized");
        using var ps = emulator.Session(host: null);
        var mark = await emulator.MarkAsync();

        var refused = ps.Run($"New-CapturedImage -ResourceGroupName {group} -Name gen01 -DeleteSourceVm");

        var error = Assert.Single(refused.Errors);
        Assert.Equal("ConfirmationRequired,ImageTools.Commands.NewCapturedImageCommand", error.FullyQualifiedErrorId);
        Assert.Contains("-Force", error.ErrorDetails.RecommendedAction);
        Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
        Assert.Empty(refused.Output);
        await emulator.AssertNoWritesAsync(mark);
        Assert.True(await emulator.ExistsAsync(vm.Id));

        // -Confirm:$false, which the remedy names too, confirms in advance.
        var confirmed = ps.Run($"New-CapturedImage -ResourceGroupName {group} -Name gen01 -DeleteSourceVm -Confirm:$false").AssertClean();
        Assert.Single(confirmed.OutputOf("ImageInfo"));
        Assert.False(await emulator.ExistsAsync(vm.Id));
    }

    [Fact]
    public async Task A_remoting_host_is_not_interactive_even_with_a_UI_that_could_answer()
    {
        var group = EmulatorFixture.NewGroup("cf-remote");
        await emulator.SeedVmAsync(group, "win01");
        var host = new TestHost("ServerRemoteHost");
        host.Answers.Enqueue("Yes to All");
        using var ps = emulator.Session(host);
        var mark = await emulator.MarkAsync();

        var run = ps.Run($"Invoke-VmGeneralize -ResourceGroupName {group} -Name win01");

        Assert.Equal("ConfirmationRequired,ImageTools.Commands.InvokeVmGeneralizeCommand", Assert.Single(run.Errors).FullyQualifiedErrorId);
        Assert.Empty(host.Prompts);
        await emulator.AssertNoWritesAsync(mark);
    }

    [Fact]
    public async Task Non_interactive_AsJob_without_Force_is_refused_before_a_job_exists()
    {
        var group = EmulatorFixture.NewGroup("cf-ni-job");
        await emulator.SeedVmAsync(group, "lin01", os: "Linux");
        using var ps = emulator.Session(host: null);
        var mark = await emulator.MarkAsync();

        var run = ps.Run($"Invoke-VmGeneralize -ResourceGroupName {group} -Name lin01 -AsJob; @(Get-Job).Count");

        var error = Assert.Single(run.Errors);
        Assert.Equal("ConfirmationRequired,ImageTools.Commands.InvokeVmGeneralizeCommand", error.FullyQualifiedErrorId);
        Assert.Equal(0, Assert.Single(run.Output).BaseObject);
        await emulator.AssertNoWritesAsync(mark);
    }
}
