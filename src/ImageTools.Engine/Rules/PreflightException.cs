using System.Collections.Generic;
using System.Linq;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules
{
    /// <summary>
    /// The preflight refused the operation before any write. Carries the first refusal's rule
    /// id, remedy and target, and every finding (a message lists all refusals).
    /// </summary>
    public sealed class PreflightException : ImageToolsException
    {
        public PreflightException(IReadOnlyList<Finding> refusals)
            : base(refusals[0].RuleId, Compose(refusals), refusals[0].Remedy, refusals[0].TargetId, refusals[0].Category)
        {
            Refusals = refusals;
        }

        public IReadOnlyList<Finding> Refusals { get; }

        private static string Compose(IReadOnlyList<Finding> refusals)
        {
            if (refusals.Count == 1)
                return refusals[0].Message;
            return refusals[0].Message + " Also refused: " +
                   string.Join(" ", refusals.Skip(1).Select(f => $"[{f.RuleId}] {f.Message}"));
        }
    }
}
