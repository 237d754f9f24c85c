using System;
using System.Collections.Generic;
using ImageTools.Engine;
using ImageTools.Engine.Hosting;

namespace ImageTools.Hosting
{
    /// <summary>
    /// PowerShell's rules as the cmdlets apply them, as plain decisions: whether the host can
    /// prompt, whether ShouldProcess prompts by itself, how -Force, -Confirm and -WhatIf meet a
    /// plan step, and what a step that needs a prompt says where nobody can answer.
    /// </summary>
    internal static class HostPolicy
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
        public static bool IsInteractive(string? hostName, bool hostHasUi, IEnumerable<string> commandLineArgs, Func<string, string?> environment)
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
        /// Whether ShouldProcess prompts on its own: $ConfirmPreference is not None and the cmdlet's
        /// ConfirmImpact is at or above it. An unreadable preference counts as PowerShell's default, High.
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

        /// <summary>-Force without an explicit -Confirm skips the prompt (as $ConfirmPreference 'None' would); -WhatIf never does.</summary>
        public static bool ForceSkipsPrompt(bool force, bool confirmRequested, bool whatIf) => force && !confirmRequested && !whatIf;

        /// <summary>
        /// Whether ShouldProcess would show a prompt: not under -WhatIf or -Force, and either -Confirm
        /// was given or (without -Confirm:$false) the cmdlet's ConfirmImpact reaches $ConfirmPreference.
        /// </summary>
        public static bool ShouldProcessWouldPrompt(bool force, bool confirmRequested, bool confirmDeclined, bool whatIf, bool shouldProcessPrompts)
        {
            if (whatIf || confirmDeclined || (force && !confirmRequested))
                return false;
            return confirmRequested || shouldProcessPrompts;
        }

        /// <summary>The ShouldContinue question for a high-impact (irreversible) step.</summary>
        public static string HighImpactQuery(string target, string action) =>
            $"{action} on '{target}'. This cannot be undone. Continue?";

        public const string HighImpactCaption = "Irreversible step";

        /// <summary>The refusal when a step needs a prompt that this host cannot show; nothing has been written.</summary>
        /// <param name="command">When given, the refusal says the command confirms its steps by default (ConfirmImpact).</param>
        public static ImageToolsException CannotPrompt(string target, string action, string? command = null) =>
            new ImageToolsException(ErrorIds.ConfirmationRequired,
                (command == null
                    ? $"'{action}' on '{target}' is irreversible and needs confirmation"
                    : $"{command} asks for confirmation before its first step ('{action}' on '{target}')") +
                ", but this host cannot prompt (a runbook or a -NonInteractive session). Nothing was written.",
                "Pass -Force (or -Confirm:$false) to confirm it in advance, or run the command at an interactive prompt.",
                target, FailureCategory.InvalidOperation);

        /// <summary>The verbose line written in place of a prompt when -Force skips confirmation.</summary>
        public static string ForcedLine(string target, string action) =>
            $"Performing the operation \"{action}\" on target \"{target}\" (-Force: no confirmation asked).";

        /// <summary>The ShouldProcess action asked once before an -AsJob job starts.</summary>
        public static string JobConsentAction(string commandName) =>
            $"{commandName} as a background job (every step of the plan, without further prompts)";

        /// <summary>The verbose line a job writes for each step, consented to before it started.</summary>
        public static string JobApprovedLine(string target, string action) =>
            $"Performing the operation \"{action}\" on target \"{target}\" (confirmed before the job started).";
    }
}
