using System.Threading.Tasks;
using ImageTools.Engine.Rules;

namespace ImageTools.Engine.Operations
{
    /// <summary>
    /// The skeleton every operation fills in. Prepare: read the facts → evaluate the rules → plan the
    /// writes → say when the work is already done → notes of the operation's own. Execute: emit the
    /// existing result when it is done, otherwise run the steps. A new operation derives from this
    /// in its own folder and fills in the five parts.
    /// </summary>
    internal abstract class Operation<TFacts> : PreparedOperation
        where TFacts : class
    {
        private protected Operation(OperationRun run) : base(run)
        {
        }

        private protected TFacts Facts { get; private set; } = null!;

        /// <summary>Reads what the rules need, as few GETs as possible; writes nothing.</summary>
        private protected abstract Task<TFacts> ReadFactsAsync();

        /// <summary>Every rule of the operation over the facts.</summary>
        private protected abstract PreflightResult Evaluate(TFacts facts);

        /// <summary>The writes, in order, each with its impact.</summary>
        private protected abstract OperationPlan PlanFor(TFacts facts);

        /// <summary>After the plan: the operation's own notes (verbose lines, -WhatIf notes, the declined message).</summary>
        private protected virtual void Prepared(TFacts facts)
        {
        }

        /// <summary>The work is already done: emit what is there (reads only).</summary>
        private protected abstract Task<object?> EmitDoneAsync(TFacts facts);

        /// <summary>The confirmed plan's writes.</summary>
        private protected abstract Task<object?> RunStepsAsync(TFacts facts);

        private protected async Task PrepareAsync()
        {
            Facts = await ReadFactsAsync().ConfigureAwait(false);
            Preflight = Evaluate(Facts);
            Plan = PlanFor(Facts);
            if (AlreadyDone is Finding done)
                Run.Sink.WriteVerbose(done.Message);
            Prepared(Facts);
        }

        private protected override Task<object?> ExecuteCoreAsync() => AlreadyDone != null ? EmitDoneAsync(Facts) : RunStepsAsync(Facts);
    }
}
