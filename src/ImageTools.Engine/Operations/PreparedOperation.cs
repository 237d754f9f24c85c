using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Rules;

namespace ImageTools.Engine.Operations
{
    /// <summary>
    /// What an operation's read-only preparation found: the rule findings, the plan of writes
    /// (each step with its impact), or a result that is already there. Nothing has been written.
    /// Whoever runs it reviews it (<see cref="OperationReview"/>: shows the plan, asks each step)
    /// and then calls <see cref="ExecuteAsync"/>, which makes the writes and reports through a sink.
    /// </summary>
    public abstract class PreparedOperation
    {
        private protected PreparedOperation(OperationRun run) => Run = run;

        internal OperationRun Run { get; }

        /// <summary>The writes, in order, each confirmed before the first one is made.</summary>
        public OperationPlan Plan { get; private protected set; } = new OperationPlan();

        private protected PreflightResult Preflight { get; set; } = new PreflightResult(Array.Empty<Finding>());

        public IReadOnlyList<Finding> Warnings => Preflight.Warnings;

        /// <summary>Refusals of the whole operation: nothing may be written.</summary>
        public IReadOnlyList<Finding> Refusals => Preflight.Refusals;

        /// <summary>Refusals of single items (one VM of several), shown under -WhatIf; execution reports them per item.</summary>
        public IReadOnlyList<Finding> ItemRefusals { get; private protected set; } = Array.Empty<Finding>();

        /// <summary>The work is already done (no refusal stands): executing emits the existing result.</summary>
        public Finding? AlreadyDone => Refusals.Count == 0 ? Preflight.AlreadyDone : null;

        /// <summary>Whether the existing result of a finished operation is emitted under -WhatIf too (it writes nothing).</summary>
        public bool EmitsDoneResultUnderWhatIf { get; private protected set; }

        /// <summary>Verbose lines shown under -WhatIf after the plan and the findings.</summary>
        public IReadOnlyList<string> WhatIfNotes { get; private protected set; } = Array.Empty<string>();

        /// <summary>The verbose line written when a step of the plan is declined.</summary>
        public string DeclinedMessage { get; private protected set; } = "Declined: nothing was changed.";

        /// <summary>Makes the writes (or emits the existing result) and returns the result, if any.</summary>
        public Task<object?> ExecuteAsync(IOperationSink sink, CancellationToken cancellationToken)
        {
            // The engine's own guard, whoever calls it: a refused operation never writes.
            if (Refusals.Count > 0)
                throw new PreflightException(Refusals);
            Run.Bind(sink ?? throw new ArgumentNullException(nameof(sink)), cancellationToken);
            return ExecuteCoreAsync();
        }

        private protected abstract Task<object?> ExecuteCoreAsync();
    }
}
