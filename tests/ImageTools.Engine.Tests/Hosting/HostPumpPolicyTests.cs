using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Tests.Hosting;

/// <summary>The host adapter's decisions: interactivity, -Force with ShouldProcess, error ids.</summary>
public class HostPumpPolicyTests
{
    private static string? NoVariables(string name) => null;

    [Theory]
    [InlineData("ConsoleHost", true, true)]
    [InlineData("Visual Studio Code Host", true, true)]
    [InlineData("Default Host", true, false)]      // Azure Automation sandboxes, [powershell]::Create()
    [InlineData("ServerRemoteHost", true, false)]  // remoting
    [InlineData("ConsoleHost", false, false)]      // a host without UI
    [InlineData(null, true, false)]
    public void Interactive_depends_on_the_host(string? hostName, bool hasUi, bool expected) =>
        Assert.Equal(expected, HostPumpPolicy.IsInteractive(hostName, hasUi, new[] { "pwsh" }, NoVariables));

    [Theory]
    [InlineData("-NonInteractive")]
    [InlineData("-noni")]
    [InlineData("-NONINTERACTIVE")]
    public void A_NonInteractive_process_is_not_interactive(string flag) =>
        Assert.False(HostPumpPolicy.IsInteractive("ConsoleHost", true, new[] { "pwsh", flag, "-File", "x.ps1" }, NoVariables));

    [Fact]
    public void Short_or_unrelated_switches_do_not_count_as_NonInteractive() =>
        Assert.True(HostPumpPolicy.IsInteractive("ConsoleHost", true, new[] { "pwsh", "-NoProfile", "-no", "-NoLogo" }, NoVariables));

    [Fact]
    public void An_Automation_sandbox_is_not_interactive()
    {
        var env = new Dictionary<string, string> { ["AUTOMATION_ASSET_ACCOUNTID"] = "3f0c..." };
        Assert.False(HostPumpPolicy.IsInteractive("ConsoleHost", true, new[] { "pwsh" }, n => env.GetValueOrDefault(n)));
    }

    [Theory]
    // force, -Confirm, -WhatIf -> decision
    [InlineData(false, false, false, ConfirmDecision.AskShouldProcess)]
    [InlineData(true, false, false, ConfirmDecision.ProceedWithoutPrompt)]
    [InlineData(true, false, true, ConfirmDecision.AskShouldProcess)]  // -WhatIf still prints and writes nothing
    [InlineData(true, true, false, ConfirmDecision.AskShouldProcess)]  // an explicit -Confirm wins over -Force
    [InlineData(false, true, false, ConfirmDecision.AskShouldProcess)]
    [InlineData(false, false, true, ConfirmDecision.AskShouldProcess)]
    public void Force_skips_the_prompt_but_never_WhatIf(bool force, bool confirm, bool whatIf, ConfirmDecision expected) =>
        Assert.Equal(expected, HostPumpPolicy.Confirm(force, confirm, whatIf));

    [Fact]
    public void The_error_id_is_the_rule_id_so_PowerShell_appends_the_cmdlet_class()
    {
        Assert.Equal("VmNotGeneralized", HostPumpPolicy.ErrorId(new ImageToolsException("VmNotGeneralized", "m")));
        Assert.Equal("ImageToolsError", HostPumpPolicy.ErrorId(new ImageToolsException(" ", "m")));
    }

    [Fact]
    public void The_forced_line_names_the_action_and_the_target()
    {
        string line = HostPumpPolicy.ForcedLine("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1", "Generalize");
        Assert.Contains("\"Generalize\"", line);
        Assert.Contains("virtualMachines/vm1", line);
    }

    [Theory]
    // force, -Confirm, -Confirm:$false, -WhatIf, ShouldProcess prompts itself, interactive -> decision
    [InlineData(false, false, false, false, false, true, HighImpactDecision.AskShouldProcessThenContinue)] // nothing said: one prompt, from ShouldContinue
    [InlineData(false, false, false, false, true, true, HighImpactDecision.AskShouldProcess)]              // $ConfirmPreference Medium: ShouldProcess prompts, once
    [InlineData(false, true, false, false, false, true, HighImpactDecision.AskShouldProcess)]              // -Confirm: ShouldProcess prompts, once
    [InlineData(true, true, false, false, false, true, HighImpactDecision.AskShouldProcess)]               // -Force -Confirm: still asked
    [InlineData(false, false, true, false, false, true, HighImpactDecision.AskShouldProcess)]              // -Confirm:$false: ShouldProcess says yes unprompted
    [InlineData(false, false, false, true, false, true, HighImpactDecision.AskShouldProcess)]              // -WhatIf: "What if:", no write
    [InlineData(true, false, false, true, false, true, HighImpactDecision.AskShouldProcess)]               // -WhatIf wins over -Force
    [InlineData(true, false, false, false, false, true, HighImpactDecision.ProceedWithoutPrompt)]          // -Force
    [InlineData(true, false, false, false, false, false, HighImpactDecision.ProceedWithoutPrompt)]         // -Force in a runbook
    [InlineData(false, false, false, false, false, false, HighImpactDecision.RefuseCannotPrompt)]          // runbook, nothing said
    [InlineData(false, false, false, false, true, false, HighImpactDecision.RefuseCannotPrompt)]           // runbook, low $ConfirmPreference
    [InlineData(false, false, false, true, false, false, HighImpactDecision.AskShouldProcess)]             // runbook -WhatIf: no prompt, no write
    public void A_high_impact_step_is_asked_once_by_default_and_never_in_a_runbook(bool force, bool confirm, bool confirmDeclined, bool whatIf,
        bool shouldProcessPrompts, bool interactive, HighImpactDecision expected) =>
        Assert.Equal(expected, HostPumpPolicy.ConfirmHighImpact(force, confirm, confirmDeclined, whatIf, shouldProcessPrompts, interactive));

    [Theory]
    [InlineData("High", "Medium", false)]   // PowerShell's default preference: a Medium cmdlet does not prompt
    [InlineData("High", "High", true)]
    [InlineData("Medium", "Medium", true)]
    [InlineData("Low", "Medium", true)]
    [InlineData("None", "High", false)]     // $ConfirmPreference = 'None' turns prompts off
    [InlineData(null, "Medium", false)]     // unreadable: PowerShell's default, High
    [InlineData("medium", "Medium", true)]
    public void ShouldProcess_prompts_when_the_cmdlet_impact_reaches_ConfirmPreference(string? preference, string impact, bool prompts) =>
        Assert.Equal(prompts, HostPumpPolicy.ShouldProcessPrompts(preference, impact));

    [Fact]
    public void The_high_impact_question_names_the_step_and_the_target_and_says_it_cannot_be_undone()
    {
        string query = HostPumpPolicy.HighImpactQuery("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/base01", "Delete the source VM");
        Assert.StartsWith("Delete the source VM on '/subscriptions/s/", query);
        Assert.Contains("virtualMachines/base01", query);
        Assert.Contains("cannot be undone", query);
    }
}
