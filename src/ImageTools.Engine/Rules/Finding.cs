using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules
{
    /// <summary>What one rule found: which rule, how serious, what is wrong with which resource, and what to do.</summary>
    public sealed class Finding
    {
        public Finding(string ruleId, FindingSeverity severity, string message, string? remedy, string? targetId,
            FailureCategory category = FailureCategory.InvalidOperation)
        {
            RuleId = ruleId;
            Severity = severity;
            Message = message;
            Remedy = remedy;
            TargetId = targetId;
            Category = category;
        }

        public string RuleId { get; }
        public FindingSeverity Severity { get; }
        public string Message { get; }
        public string? Remedy { get; }
        public string? TargetId { get; }
        public FailureCategory Category { get; }

        public ImageToolsException ToException() => new ImageToolsException(RuleId, Message, Remedy, TargetId, Category);

        public override string ToString() => $"{RuleId}: {Message}";
    }
}
