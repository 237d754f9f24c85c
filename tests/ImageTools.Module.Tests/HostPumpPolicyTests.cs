using ImageTools.Engine.Hosting;

namespace ImageTools.Module.Tests;

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
}
