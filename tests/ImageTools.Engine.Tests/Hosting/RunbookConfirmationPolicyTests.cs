using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Tests.Hosting;

/// <summary>The confirmation decisions a runbook meets (the real cmdlets in a host that cannot prompt: tests/ImageTools.PowerShell.Tests).</summary>
public class RunbookConfirmationPolicyTests
{
    [Theory]
    [InlineData(true, false)]    // -Force
    [InlineData(false, true)]    // -Confirm:$false
    public void Deleting_the_source_VM_in_a_runbook_never_prompts_when_confirmed_in_advance(bool force, bool confirmDeclined)
    {
        var decision = HostPumpPolicy.ConfirmHighImpact(force, confirmRequested: false, confirmDeclined, whatIf: false,
            shouldProcessPrompts: false, interactive: false);
        // -Confirm:$false goes through ShouldProcess, which answers yes without a prompt; -Force skips it.
        Assert.Equal(force ? HighImpactDecision.ProceedWithoutPrompt : HighImpactDecision.AskShouldProcess, decision);
    }

    [Fact]
    public void Deleting_the_source_VM_in_a_runbook_without_Force_is_refused_not_prompted()
    {
        Assert.Equal(HighImpactDecision.RefuseCannotPrompt, HostPumpPolicy.ConfirmHighImpact(force: false, confirmRequested: false,
            confirmDeclined: false, whatIf: false, shouldProcessPrompts: false, interactive: false));
        var error = HostPumpPolicy.CannotPrompt("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/base01", "Delete the source VM");
        Assert.Equal("ConfirmationRequired", error.RuleId);
        Assert.Contains("cannot prompt", error.Message);
        Assert.Contains("Nothing was written", error.Message);
        Assert.Contains("-Force", error.Remedy);
        Assert.Contains("-Confirm:$false", error.Remedy);
    }

    [Fact]
    public void Force_or_no_confirm_request_never_prompts_in_the_pipeline_or_before_a_job()
    {
        Assert.Equal(ConfirmDecision.ProceedWithoutPrompt, HostPumpPolicy.Confirm(force: true, confirmRequested: false, whatIf: false));
        Assert.Equal(JobStart.StartWithoutPrompt, JobPolicy.Decide(asJob: true, force: true, confirmRequested: false, whatIf: false));
    }

    [Theory]
    [InlineData(false, false, false, false, true, true)]   // ConfirmImpact reaches $ConfirmPreference: prompts
    [InlineData(false, false, false, false, false, false)] // below it: no prompt
    [InlineData(true, false, false, false, true, false)]   // -Force
    [InlineData(true, true, false, false, true, true)]     // -Force -Confirm: asks
    [InlineData(false, false, true, false, true, false)]   // -Confirm:$false
    [InlineData(false, false, false, true, true, false)]   // -WhatIf
    [InlineData(false, true, false, false, false, true)]   // -Confirm on a Medium cmdlet
    public void ShouldProcess_would_prompt_only_when_nothing_confirmed_in_advance(bool force, bool confirmRequested, bool confirmDeclined,
        bool whatIf, bool shouldProcessPrompts, bool expected) =>
        Assert.Equal(expected, HostPumpPolicy.ShouldProcessWouldPrompt(force, confirmRequested, confirmDeclined, whatIf, shouldProcessPrompts));

    [Fact]
    public void The_refusal_for_a_cmdlet_that_confirms_by_default_names_the_command_and_its_first_step()
    {
        var error = HostPumpPolicy.CannotPrompt("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/base01",
            "Deallocate the VM", "Invoke-VmGeneralize");
        Assert.Equal("ConfirmationRequired", error.RuleId);
        Assert.StartsWith("Invoke-VmGeneralize asks for confirmation before its first step ('Deallocate the VM'", error.Message);
        Assert.DoesNotContain("irreversible", error.Message);
        Assert.Contains("-Force", error.Remedy);
    }
}
