using System;

namespace ImageTools.Engine.Hosting
{
    /// <summary>
    /// Every refusal and failure the engine reports: a stable rule id (it becomes the
    /// FullyQualifiedErrorId), what is wrong, the resource concerned, and what to do.
    /// </summary>
    public class ImageToolsException : Exception
    {
        public ImageToolsException(string ruleId, string message, string? remedy = null, string? targetId = null,
            FailureCategory category = FailureCategory.InvalidOperation, Exception? inner = null)
            : base(message, inner)
        {
            RuleId = ruleId;
            Remedy = remedy;
            TargetId = targetId;
            Category = category;
        }

        /// <summary>Stable identifier, e.g. "VmNotGeneralized".</summary>
        public string RuleId { get; }

        /// <summary>What the user should do; shown as ErrorDetails.RecommendedAction.</summary>
        public string? Remedy { get; }

        /// <summary>The Azure resource id (or name) the error is about.</summary>
        public string? TargetId { get; }

        public FailureCategory Category { get; }
    }
}
