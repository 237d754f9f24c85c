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
}
