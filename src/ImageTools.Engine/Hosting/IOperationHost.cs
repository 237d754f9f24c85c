using System.Threading;

namespace ImageTools.Engine.Hosting
{
    /// <summary>
    /// What an engine operation may ask of whoever runs it. A cmdlet implements it over
    /// PSCmdlet (ShouldProcess, WriteVerbose, WriteProgress, WriteObject, WriteError...);
    /// tests implement it with a recorder. The engine never sees PowerShell types.
    /// </summary>
    public interface IOperationHost
    {
        /// <summary>
        /// Asks before a write. Returns false under -WhatIf (PowerShell prints the
        /// "What if:" line itself) or when the user declines. The cmdlet adapter applies
        /// -Force/-Confirm semantics; the engine calls this once per planned write step.
        /// </summary>
        bool ShouldProcess(string target, string action);

        /// <summary>
        /// Asks before an irreversible write the plan marks high impact (New-CapturedImage
        /// -DeleteSourceVm deleting the source VM). Like ShouldProcess, but a cmdlet prompts for it
        /// by default whatever the cmdlet's ConfirmImpact; -Force or -Confirm:$false skip the
        /// prompt, -WhatIf answers false, and a host that cannot prompt refuses with an error
        /// naming those switches (HostPumpPolicy.ConfirmHighImpact decides).
        /// </summary>
        bool ConfirmHighImpact(string target, string action);

        /// <summary>True when the operation must not write at all (-WhatIf).</summary>
        bool IsWhatIf { get; }

        /// <summary>False in runbooks and other non-interactive hosts: no progress bars there.</summary>
        bool IsInteractive { get; }

        void WriteVerbose(string message);

        void WriteWarning(string message);

        void WriteProgress(OperationProgress progress);

        /// <summary>Emits one result object to the pipeline.</summary>
        void WriteObject(object item);

        /// <summary>A non-terminating, per-item failure; the pipeline goes on.</summary>
        void WriteError(ImageToolsException error);

        /// <summary>Signalled on Ctrl+C / StopProcessing.</summary>
        CancellationToken Cancellation { get; }
    }
}
