using System;
using System.Collections.Generic;

namespace ImageTools.Engine.Hosting
{
    /// <summary>
    /// The decisions a cmdlet's host adapter makes, kept free of PowerShell types so that
    /// xunit reaches them: whether the host is interactive, how -Force meets ShouldProcess, and
    /// how an engine failure becomes an ErrorRecord.
    /// </summary>
    public static class HostPumpPolicy
    {
        /// <summary>Host names of non-interactive PowerShell hosts (Azure Automation, remoting, -NonInteractive runs).</summary>
        private static readonly HashSet<string> NonInteractiveHosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Default Host", "ServerRemoteHost",
        };

        /// <summary>
        /// False in runbooks and other hosts where nobody watches a progress bar or answers a prompt:
        /// a known non-interactive host name, an Azure Automation sandbox (AUTOMATION_ASSET_* variables),
        /// a process started with -NonInteractive, or a host without a UI.
        /// </summary>
        public static bool IsInteractive(string? hostName, bool hostHasUi, IEnumerable<string> commandLineArgs,
            Func<string, string?> environment)
        {
            if (!hostHasUi || string.IsNullOrEmpty(hostName) || NonInteractiveHosts.Contains(hostName!))
                return false;
            if (!string.IsNullOrEmpty(environment("AUTOMATION_ASSET_ACCOUNTID")) ||
                !string.IsNullOrEmpty(environment("AUTOMATION_ASSET_SANDBOX_ID")))
                return false;
            foreach (string arg in commandLineArgs)
            {
                // pwsh accepts any unambiguous prefix of -NonInteractive ("-noni" is common).
                if (arg.Length >= 5 && arg.StartsWith("-", StringComparison.Ordinal) &&
                    "-noninteractive".StartsWith(arg, StringComparison.OrdinalIgnoreCase))
                    return false;
            }
            return true;
        }

        /// <summary>
        /// How a planned write is confirmed. ShouldProcess is always consulted under -WhatIf, so
        /// the "What if:" line appears and nothing is written. Otherwise -Force (without an explicit
        /// -Confirm) proceeds without a prompt, as if $ConfirmPreference were 'None' for this call:
        /// the pattern PowerShell's guidance gives for ConfirmImpact High with -Force.
        /// </summary>
        public static ConfirmDecision Confirm(bool force, bool confirmRequested, bool whatIf)
        {
            if (whatIf || confirmRequested || !force)
                return ConfirmDecision.AskShouldProcess;
            return ConfirmDecision.ProceedWithoutPrompt;
        }

        /// <summary>
        /// The error id handed to ErrorRecord: the rule id alone. PowerShell appends ",&lt;cmdlet type full
        /// name&gt;" itself when the record is written by a cmdlet, which gives the FullyQualifiedErrorId
        /// "&lt;RuleId&gt;,&lt;CmdletClass&gt;".
        /// </summary>
        public static string ErrorId(ImageToolsException error) =>
            string.IsNullOrWhiteSpace(error.RuleId) ? "ImageToolsError" : error.RuleId;

        /// <summary>The name of the PowerShell ErrorCategory member for an engine failure category (same names).</summary>
        public static string ErrorCategoryName(FailureCategory category) => category.ToString();

        /// <summary>
        /// Whether New-CapturedImage -DeleteSourceVm asks its extra "delete the source VM?" question
        /// (ShouldContinue, which always prompts): not under -WhatIf (nothing is deleted), not with
        /// -Force, and not with an explicit -Confirm:$false, so a runbook never meets a prompt.
        /// </summary>
        public static bool AskBeforeDeletingSource(bool force, bool confirmDeclined, bool whatIf) =>
            !force && !confirmDeclined && !whatIf;

        /// <summary>The verbose line written in place of a prompt when -Force skips confirmation.</summary>
        public static string ForcedLine(string target, string action) =>
            $"Performing the operation \"{action}\" on target \"{target}\" (-Force: no confirmation asked).";
    }

    /// <summary>What the adapter does for one planned write.</summary>
    public enum ConfirmDecision
    {
        /// <summary>Call ShouldProcess: it prints "What if:", prompts per $ConfirmPreference/-Confirm, or says yes.</summary>
        AskShouldProcess,

        /// <summary>-Force: go ahead, with a verbose line saying so.</summary>
        ProceedWithoutPrompt,
    }
}
