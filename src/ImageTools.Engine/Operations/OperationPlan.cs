using System.Collections.Generic;
using System.Linq;
using ImageTools.Engine.Gateway;

namespace ImageTools.Engine.Operations
{
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

        internal OperationPlan Add(ArmId target, string action) => Add(target.Id, action);

        internal OperationPlan AddHighImpact(ArmId target, string action) => AddHighImpact(target.Id, action);

        public bool IsEmpty => _steps.Count == 0;

        public override string ToString() => string.Join("; ", _steps.Select((s, i) => $"{i + 1}. {s}"));
    }
}
