using System;
using System.Management.Automation;
using System.Threading;
using ImageTools.Engine.Hosting;

namespace ImageTools.Hosting
{
    /// <summary>
    /// IOperationHost over a running cmdlet. Called only on the pipeline thread (the HostPump
    /// sees to that); the decisions it applies live in HostPumpPolicy.
    /// </summary>
    internal sealed class CmdletHost : IOperationHost
    {
        private readonly PSCmdlet _cmdlet;
        private readonly bool _force;
        private readonly bool _confirmRequested;

        public CmdletHost(PSCmdlet cmdlet, bool force)
        {
            _cmdlet = cmdlet;
            _force = force;
            _confirmRequested = IsSwitchOn(cmdlet, "Confirm");
            IsWhatIf = IsWhatIfRequested(cmdlet);
            IsInteractive = IsInteractiveHost(cmdlet);
        }

        public bool IsWhatIf { get; }
        public bool IsInteractive { get; }

        /// <summary>The HostPump owns cancellation (StopProcessing cancels it).</summary>
        public CancellationToken Cancellation => CancellationToken.None;

        public bool ShouldProcess(string target, string action)
        {
            if (HostPumpPolicy.Confirm(_force, _confirmRequested, IsWhatIf) == ConfirmDecision.AskShouldProcess)
            {
                // A runbook cannot answer the prompt: refuse cleanly (ConfirmationRequired) rather than
                // let PowerShell fail with its "NonInteractive mode" error. Plans are confirmed before any write.
                if (!IsInteractive && WouldPrompt(_cmdlet, _force))
                    throw HostPumpPolicy.CannotPrompt(target, action, _cmdlet.MyInvocation.MyCommand.Name);
                return _cmdlet.ShouldProcess(target, action);
            }
            _cmdlet.WriteVerbose(HostPumpPolicy.ForcedLine(target, action));
            return true;
        }

        /// <summary>An irreversible step: prompts by default although the cmdlet's ConfirmImpact is lower (HostPumpPolicy decides).</summary>
        public bool ConfirmHighImpact(string target, string action)
        {
            var prompts = HostPumpPolicy.ShouldProcessPrompts(Convert.ToString(Unwrap(_cmdlet.GetVariableValue("ConfirmPreference"))), CmdletConfirmImpact(_cmdlet));
            switch (HostPumpPolicy.ConfirmHighImpact(_force, _confirmRequested, IsConfirmDeclined(_cmdlet), IsWhatIf, prompts, IsInteractive))
            {
                case HighImpactDecision.ProceedWithoutPrompt:
                    _cmdlet.WriteVerbose(HostPumpPolicy.ForcedLine(target, action));
                    return true;
                case HighImpactDecision.RefuseCannotPrompt:
                    throw HostPumpPolicy.CannotPrompt(target, action);
                case HighImpactDecision.AskShouldProcessThenContinue:
                    return _cmdlet.ShouldProcess(target, action) &&
                           _cmdlet.ShouldContinue(HostPumpPolicy.HighImpactQuery(target, action), HostPumpPolicy.HighImpactCaption);
                default:
                    return _cmdlet.ShouldProcess(target, action);
            }
        }

        /// <summary>Whether ShouldProcess would prompt for this cmdlet call (HostPumpPolicy decides).</summary>
        public static bool WouldPrompt(PSCmdlet cmdlet, bool force) =>
            HostPumpPolicy.ShouldProcessWouldPrompt(force, IsConfirmRequested(cmdlet), IsConfirmDeclined(cmdlet), IsWhatIfRequested(cmdlet),
                HostPumpPolicy.ShouldProcessPrompts(Convert.ToString(Unwrap(cmdlet.GetVariableValue("ConfirmPreference"))), CmdletConfirmImpact(cmdlet)));

        private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

        /// <summary>The ConfirmImpact the cmdlet declares (Medium when its attribute does not say).</summary>
        public static string CmdletConfirmImpact(PSCmdlet cmdlet)
        {
            foreach (CmdletAttribute attribute in cmdlet.GetType().GetCustomAttributes(typeof(CmdletAttribute), true))
                return attribute.ConfirmImpact.ToString();
            return nameof(ConfirmImpact.Medium);
        }

        public void WriteVerbose(string message) => _cmdlet.WriteVerbose(message);
        public void WriteWarning(string message) => _cmdlet.WriteWarning(message);
        public void WriteObject(object item) => _cmdlet.WriteObject(item);
        public void WriteError(ImageToolsException error) => _cmdlet.WriteError(ToErrorRecord(error));

        public void WriteProgress(OperationProgress progress) => _cmdlet.WriteProgress(ToProgressRecord(progress));

        public static ProgressRecord ToProgressRecord(OperationProgress progress) =>
            new ProgressRecord(progress.ActivityId, progress.Activity, progress.Status)
            {
                PercentComplete = Math.Max(-1, Math.Min(100, progress.PercentComplete)),
                ParentActivityId = progress.ParentActivityId,
                RecordType = progress.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            };

        /// <summary>FullyQualifiedErrorId becomes "&lt;RuleId&gt;,&lt;cmdlet class&gt;": PowerShell appends the class.</summary>
        public static ErrorRecord ToErrorRecord(ImageToolsException error) => ToErrorRecord(error, HostPumpPolicy.ErrorId(error));

        /// <summary>An ErrorRecord with a given id (a job's records carry the full "&lt;RuleId&gt;,&lt;cmdlet class&gt;" themselves).</summary>
        public static ErrorRecord ToErrorRecord(ImageToolsException error, string errorId)
        {
            var category = (ErrorCategory)Enum.Parse(typeof(ErrorCategory), HostPumpPolicy.ErrorCategoryName(error.Category));
            return new ErrorRecord(error, errorId, category, error.TargetId)
            {
                ErrorDetails = new ErrorDetails(error.Message) { RecommendedAction = error.Remedy ?? "" },
            };
        }

        /// <summary>False in runbooks, remoting and -NonInteractive sessions (HostPumpPolicy decides).</summary>
        public static bool IsInteractiveHost(PSCmdlet cmdlet) =>
            HostPumpPolicy.IsInteractive(cmdlet.Host?.Name, cmdlet.Host?.UI != null,
                Environment.GetCommandLineArgs(), Environment.GetEnvironmentVariable);

        /// <summary>-Confirm given as $true.</summary>
        public static bool IsConfirmRequested(PSCmdlet cmdlet) => IsSwitchOn(cmdlet, "Confirm");

        /// <summary>-Confirm:$false given explicitly.</summary>
        public static bool IsConfirmDeclined(PSCmdlet cmdlet) =>
            cmdlet.MyInvocation.BoundParameters.TryGetValue("Confirm", out object? value) && !LanguagePrimitives.IsTrue(value);

        /// <summary>-WhatIf given, or $WhatIfPreference set and -WhatIf not given as $false.</summary>
        public static bool IsWhatIfRequested(PSCmdlet cmdlet) =>
            IsSwitchOn(cmdlet, "WhatIf") ||
            (!cmdlet.MyInvocation.BoundParameters.ContainsKey("WhatIf") &&
             LanguagePrimitives.IsTrue(cmdlet.GetVariableValue("WhatIfPreference")));

        private static bool IsSwitchOn(PSCmdlet cmdlet, string name) =>
            cmdlet.MyInvocation.BoundParameters.TryGetValue(name, out object? value) && LanguagePrimitives.IsTrue(value);
    }
}
