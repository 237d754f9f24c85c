using System;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Rules;

namespace ImageTools.Engine.Operations
{
    /// <summary>
    /// What happens between Prepare and Execute, the same for every caller: the caller supplies
    /// the sink and the answer to each plan step (a cmdlet asks ShouldProcess on its pipeline
    /// thread); this decides the order. Synchronous: nothing runs meanwhile.
    /// </summary>
    public static class OperationReview
    {
        /// <summary>
        /// Under -WhatIf: every step is shown (asked; the answers do not matter), then warnings, then
        /// every refusal as an error, then the notes; returns false. Otherwise: warnings, then all
        /// refusals thrown at once (<see cref="PreflightException"/>), then every step asked, all of
        /// them before the first write; returns true only when every step was confirmed. A finished
        /// operation is not asked: it returns true (false under -WhatIf unless its result is emitted).
        /// </summary>
        public static bool Review(PreparedOperation prepared, IOperationSink sink, bool whatIf, Func<PlanStep, bool> confirm)
        {
            if (prepared == null) throw new ArgumentNullException(nameof(prepared));
            if (prepared.AlreadyDone != null)
                return !whatIf || prepared.EmitsDoneResultUnderWhatIf;
            if (whatIf)
            {
                foreach (var step in prepared.Plan.Steps)
                    confirm(step);
                foreach (var warning in prepared.Warnings)
                    sink.WriteWarning(Text(warning));
                foreach (var refusal in prepared.Refusals)
                    sink.WriteError(refusal.ToException());
                foreach (var refusal in prepared.ItemRefusals)
                    sink.WriteError(refusal.ToException());
                foreach (var note in prepared.WhatIfNotes)
                    sink.WriteVerbose(note);
                return false;
            }
            foreach (var warning in prepared.Warnings)
                sink.WriteWarning(Text(warning));
            if (prepared.Refusals.Count > 0)
                throw new PreflightException(prepared.Refusals);
            var all = true;
            foreach (var step in prepared.Plan.Steps)
            {
                if (!confirm(step))
                    all = false;
            }
            if (!all)
                sink.WriteVerbose(prepared.DeclinedMessage);
            return all;
        }

        private static string Text(Finding warning) => warning.Message + (warning.Remedy != null ? " " + warning.Remedy : "");
    }
}
