using System.Threading;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Operations
{
    /// <summary>
    /// A caller without PowerShell (tests, the bench): a sink, the answer to each plan step, and
    /// a token. <see cref="OperationRunner"/> asks it between Prepare and Execute, on the same flow.
    /// </summary>
    public interface IOperationConsole : IOperationSink
    {
        /// <summary>Show the plan and findings, write nothing.</summary>
        bool IsWhatIf { get; }

        /// <summary>The answer for one planned write (under -WhatIf the answer is ignored).</summary>
        bool Confirm(PlanStep step);

        CancellationToken Cancellation { get; }
    }
}
