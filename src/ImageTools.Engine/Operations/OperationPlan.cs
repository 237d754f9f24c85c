using System.Collections.Generic;
using System.Linq;

namespace ImageTools.Engine.Operations
{
    /// <summary>One write an operation intends to make, as ShouldProcess shows it.</summary>
    public sealed class PlanStep
    {
        public PlanStep(string target, string action, bool highImpact = false)
        {
            Target = target;
            Action = action;
            HighImpact = highImpact;
        }

        /// <summary>The resource written (its id or name).</summary>
        public string Target { get; }

        /// <summary>What is done to it, e.g. "Run Sysprep /generalize /oobe /mode:vm /quiet in the guest".</summary>
        public string Action { get; }

        /// <summary>
        /// Irreversible (deleting the source VM): the caller asks it even when it asks nothing else
        /// (a cmdlet prompts for it by default whatever its ConfirmImpact).
        /// </summary>
        public bool HighImpact { get; }

        public override string ToString() => $"{Action} on '{Target}'";
    }

    /// <summary>The ordered writes of one operation, worked out from the preflight's facts before any write.</summary>
    public sealed class OperationPlan
    {
        private readonly List<PlanStep> _steps = new List<PlanStep>();

        public IReadOnlyList<PlanStep> Steps => _steps;

        public OperationPlan Add(string target, string action)
        {
            _steps.Add(new PlanStep(target, action));
            return this;
        }

        /// <summary>Adds an irreversible step, asked for by default (see <see cref="PlanStep.HighImpact"/>).</summary>
        public OperationPlan AddHighImpact(string target, string action)
        {
            _steps.Add(new PlanStep(target, action, highImpact: true));
            return this;
        }

        public bool IsEmpty => _steps.Count == 0;

        public override string ToString() => string.Join("; ", _steps.Select((s, i) => $"{i + 1}. {s}"));
    }
}
