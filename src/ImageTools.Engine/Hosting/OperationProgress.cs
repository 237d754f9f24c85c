namespace ImageTools.Engine.Hosting
{
    /// <summary>One progress bar's state. ActivityId distinguishes parallel bars (one per region or VM).</summary>
    public sealed class OperationProgress
    {
        public OperationProgress(int activityId, string activity, string status, int percentComplete, bool completed = false, int parentActivityId = -1,
            string? line = null)
        {
            ActivityId = activityId;
            Activity = activity;
            Status = status;
            PercentComplete = percentComplete;
            Completed = completed;
            ParentActivityId = parentActivityId;
            Line = line;
        }

        public int ActivityId { get; }
        public int ParentActivityId { get; }
        public string Activity { get; }
        public string Status { get; }
        public int PercentComplete { get; }
        public bool Completed { get; }

        /// <summary>
        /// The verbose line a reader that shows no progress bars gets in place of this record;
        /// null when the status is already on the verbose stream (each step writes its own line).
        /// </summary>
        public string? Line { get; }

        public override string ToString() => $"{Activity}: {Status} ({PercentComplete}%)";
    }
}
