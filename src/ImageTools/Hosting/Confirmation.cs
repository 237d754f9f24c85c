using System;
using System.Management.Automation;
using ImageTools.Engine.Operations;

namespace ImageTools.Hosting
{
    /// <summary>
    /// Asks a running cmdlet's user about plan steps, on the pipeline thread: ShouldProcess (so
    /// -WhatIf prints "What if:" and -Confirm, $ConfirmPreference and "Yes to All" work as in any
    /// cmdlet), ShouldContinue for an irreversible step, -Force as a verbose line instead of a
    /// prompt, and a ConfirmationRequired refusal, before any write, where nobody can answer.
    /// </summary>
    internal sealed class Confirmation
    {
        private readonly PSCmdlet _cmdlet;
        private readonly bool _force;

        public Confirmation(PSCmdlet cmdlet, bool force)
        {
            _cmdlet = cmdlet;
            _force = force;
            Interactive = IsInteractiveHost(cmdlet);
            WhatIf = IsSwitchOn(cmdlet, "WhatIf") ||
                (!cmdlet.MyInvocation.BoundParameters.ContainsKey("WhatIf") && LanguagePrimitives.IsTrue(cmdlet.GetVariableValue("WhatIfPreference")));
            ConfirmRequested = IsSwitchOn(cmdlet, "Confirm");
            ConfirmDeclined = cmdlet.MyInvocation.BoundParameters.TryGetValue("Confirm", out object? value) && !LanguagePrimitives.IsTrue(value);
            var preference = cmdlet.GetVariableValue("ConfirmPreference");
            ShouldProcessPrompts = HostPolicy.ShouldProcessPrompts(Convert.ToString(preference is PSObject p ? p.BaseObject : preference), CmdletConfirmImpact(cmdlet));
        }

        public bool Interactive { get; }
        public bool WhatIf { get; }
        public bool ConfirmRequested { get; }
        public bool ConfirmDeclined { get; }

        /// <summary>Whether ShouldProcess prompts by itself for this cmdlet ($ConfirmPreference against its ConfirmImpact).</summary>
        public bool ShouldProcessPrompts { get; }

        /// <summary>-Force (without -Confirm, and not under -WhatIf) answers for the user.</summary>
        public bool Forced => HostPolicy.ForceSkipsPrompt(_force, ConfirmRequested, WhatIf);

        public bool Confirm(PlanStep step) => step.HighImpact ? ConfirmHighImpact(step.Target, step.Action) : Confirm(step.Target, step.Action);

        /// <summary>One step: -Force proceeds with a verbose line; a host that cannot prompt refuses when ShouldProcess would prompt.</summary>
        public bool Confirm(string target, string action)
        {
            if (Forced)
            {
                _cmdlet.WriteVerbose(HostPolicy.ForcedLine(target, action));
                return true;
            }
            // A runbook cannot answer the prompt: refuse cleanly (ConfirmationRequired) rather than let
            // PowerShell fail with its "NonInteractive mode" error. Every step is asked before any write.
            if (!Interactive && HostPolicy.ShouldProcessWouldPrompt(_force, ConfirmRequested, ConfirmDeclined, WhatIf, ShouldProcessPrompts))
                throw HostPolicy.CannotPrompt(target, action, _cmdlet.MyInvocation.MyCommand.Name);
            return _cmdlet.ShouldProcess(target, action);
        }

        /// <summary>
        /// An irreversible step, asked by default whatever the cmdlet's ConfirmImpact: ShouldProcess
        /// (for -WhatIf, -Confirm, -Confirm:$false or a $ConfirmPreference that prompts by itself), else
        /// ShouldProcess then ShouldContinue; -Force proceeds with a verbose line; a host that cannot
        /// prompt refuses before any write.
        /// </summary>
        public bool ConfirmHighImpact(string target, string action)
        {
            if (WhatIf || ConfirmRequested || ConfirmDeclined)
                return _cmdlet.ShouldProcess(target, action);
            if (_force)
            {
                _cmdlet.WriteVerbose(HostPolicy.ForcedLine(target, action));
                return true;
            }
            if (!Interactive)
                throw HostPolicy.CannotPrompt(target, action);
            if (ShouldProcessPrompts)
                return _cmdlet.ShouldProcess(target, action);
            return _cmdlet.ShouldProcess(target, action) &&
                   _cmdlet.ShouldContinue(HostPolicy.HighImpactQuery(target, action), HostPolicy.HighImpactCaption);
        }

        /// <summary>False in runbooks, remoting and -NonInteractive sessions.</summary>
        public static bool IsInteractiveHost(PSCmdlet cmdlet) =>
            HostPolicy.IsInteractive(cmdlet.Host?.Name, cmdlet.Host?.UI != null, Environment.GetCommandLineArgs(), Environment.GetEnvironmentVariable);

        /// <summary>The ConfirmImpact the cmdlet declares (Medium when its attribute does not say).</summary>
        private static string CmdletConfirmImpact(PSCmdlet cmdlet)
        {
            foreach (CmdletAttribute attribute in cmdlet.GetType().GetCustomAttributes(typeof(CmdletAttribute), true))
                return attribute.ConfirmImpact.ToString();
            return nameof(ConfirmImpact.Medium);
        }

        private static bool IsSwitchOn(PSCmdlet cmdlet, string name) =>
            cmdlet.MyInvocation.BoundParameters.TryGetValue(name, out object? value) && LanguagePrimitives.IsTrue(value);
    }
}
