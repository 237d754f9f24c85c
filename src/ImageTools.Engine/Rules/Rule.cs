using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules
{
    /// <summary>
    /// One rule of the catalogue: a stable id (the FullyQualifiedErrorId), the state it reads,
    /// and a check over the facts read before any write. A rule returns null when it has
    /// nothing to say. Each rule lives in its own file beside the others of its cmdlet.
    /// </summary>
    internal abstract class Rule<TFacts>
    {
        /// <summary>
        /// The rule's id is its class name, set here once for every rule: it is the
        /// FullyQualifiedErrorId users see, so a class is never renamed (scripts catch it).
        /// </summary>
        public string Id => GetType().Name;

        /// <summary>The state the rule reads, for the catalogue's readers.</summary>
        public abstract string Reads { get; }

        public abstract Finding? Evaluate(TFacts facts);

        protected Finding Refuse(string message, string remedy, string? targetId, FailureCategory category = FailureCategory.InvalidOperation) =>
            new Finding(Id, FindingSeverity.Refusal, message, remedy, targetId, category);

        protected Finding Warn(string message, string? remedy, string? targetId) =>
            new Finding(Id, FindingSeverity.Warning, message, remedy, targetId);

        protected Finding Done(string message, string? targetId) =>
            new Finding(Id, FindingSeverity.AlreadyDone, message, null, targetId);

        protected Finding Refuse(string message, string remedy, ArmId target, FailureCategory category = FailureCategory.InvalidOperation) =>
            Refuse(message, remedy, target.Id, category);

        protected Finding Warn(string message, string? remedy, ArmId target) => Warn(message, remedy, target.Id);

        protected Finding Done(string message, ArmId target) => Done(message, target.Id);
    }
}
