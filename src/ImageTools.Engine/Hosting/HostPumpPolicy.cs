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
        /// How a planned write marked high impact (irreversible: the source VM of New-CapturedImage
        /// -DeleteSourceVm) is confirmed. A cmdlet has one ConfirmImpact, so such a step is asked
        /// for by default even from a Medium-impact cmdlet: ShouldProcess (for -WhatIf, -Confirm,
        /// transcripts and "Yes to All"), then ShouldContinue when ShouldProcess did not prompt
        /// itself. -WhatIf prints "What if:" and writes nothing; -Confirm and a $ConfirmPreference
        /// low enough prompt once through ShouldProcess; -Confirm:$false and -Force go ahead without a
        /// prompt. A host that cannot prompt (a runbook) refuses before any write instead of failing
        /// at the prompt, and says to pass -Force or -Confirm:$false.
        /// </summary>
        /// <param name="shouldProcessPrompts">Whether ShouldProcess itself prompts for this cmdlet (see <see cref="ShouldProcessPrompts"/>).</param>
        public static HighImpactDecision ConfirmHighImpact(bool force, bool confirmRequested, bool confirmDeclined, bool whatIf,
            bool shouldProcessPrompts, bool interactive)
        {
            if (whatIf || confirmRequested || confirmDeclined)
                return HighImpactDecision.AskShouldProcess;
            if (force)
                return HighImpactDecision.ProceedWithoutPrompt;
            if (!interactive)
                return HighImpactDecision.RefuseCannotPrompt;
            return shouldProcessPrompts ? HighImpactDecision.AskShouldProcess : HighImpactDecision.AskShouldProcessThenContinue;
        }

        /// <summary>
        /// Whether ShouldProcess prompts on its own: $ConfirmPreference is not None and the cmdlet's
        /// ConfirmImpact is at or above it (names of PowerShell's ConfirmImpact: None, Low, Medium, High).
        /// An unreadable preference counts as PowerShell's default, High.
        /// </summary>
        public static bool ShouldProcessPrompts(string? confirmPreference, string cmdletConfirmImpact)
        {
            int preference = ImpactRank(confirmPreference) ?? 3;
            int impact = ImpactRank(cmdletConfirmImpact) ?? 2;
            return preference > 0 && impact >= preference;
        }

        private static int? ImpactRank(string? name)
        {
            switch ((name ?? "").Trim().ToLowerInvariant())
            {
                case "none": return 0;
                case "low": return 1;
                case "medium": return 2;
                case "high": return 3;
                default: return null;
            }
        }

        /// <summary>
        /// Whether ShouldProcess would show a prompt for this call: not under -WhatIf or -Force, and
        /// either -Confirm was given or (without -Confirm:$false) the cmdlet's ConfirmImpact reaches
        /// $ConfirmPreference. A host that cannot prompt refuses such a call before any write.
        /// </summary>
        public static bool ShouldProcessWouldPrompt(bool force, bool confirmRequested, bool confirmDeclined, bool whatIf,
            bool shouldProcessPrompts)
        {
            if (whatIf || confirmDeclined || (force && !confirmRequested))
                return false;
            return confirmRequested || shouldProcessPrompts;
        }

        /// <summary>The ShouldContinue question for a high-impact step.</summary>
        public static string HighImpactQuery(string target, string action) =>
            $"{action} on '{target}'. This cannot be undone. Continue?";

        /// <summary>The ShouldContinue caption for a high-impact step.</summary>
        public const string HighImpactCaption = "Irreversible step";

        /// <summary>The refusal when a high-impact step needs a prompt that this host cannot show; nothing has been written.</summary>
        /// <param name="command">When given, the refusal says the command confirms its steps by default (ConfirmImpact).</param>
        public static ImageToolsException CannotPrompt(string target, string action, string? command = null) =>
            new ImageToolsException("ConfirmationRequired",
                (command == null
                    ? $"'{action}' on '{target}' is irreversible and needs confirmation"
                    : $"{command} asks for confirmation before its first step ('{action}' on '{target}')") +
                ", but this host cannot prompt (a runbook or a -NonInteractive session). Nothing was written.",
                "Pass -Force (or -Confirm:$false) to confirm it in advance, or run the command at an interactive prompt.",
                target, FailureCategory.InvalidOperation);

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

    /// <summary>What the adapter does for one planned write marked high impact.</summary>
    public enum HighImpactDecision
    {
        /// <summary>Call ShouldProcess only: -WhatIf, -Confirm, -Confirm:$false, or a $ConfirmPreference that makes it prompt.</summary>
        AskShouldProcess,

        /// <summary>Call ShouldProcess, then ShouldContinue, which always prompts.</summary>
        AskShouldProcessThenContinue,

        /// <summary>-Force: go ahead, with a verbose line saying so.</summary>
        ProceedWithoutPrompt,

        /// <summary>Nobody can answer a prompt here: refuse (HostPumpPolicy.CannotPrompt) before any write.</summary>
        RefuseCannotPrompt,
    }
}
