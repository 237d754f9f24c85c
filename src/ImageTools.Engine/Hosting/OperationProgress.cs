namespace ImageTools.Engine.Hosting
{
    /// <summary>One progress bar's state. ActivityId distinguishes parallel bars (one per region or VM).</summary>
    public sealed class OperationProgress
    {
        public OperationProgress(int activityId, string activity, string status, int percentComplete, bool completed = false, int parentActivityId = -1)
        {
            ActivityId = activityId;
            Activity = activity;
            Status = status;
            PercentComplete = percentComplete;
            Completed = completed;
            ParentActivityId = parentActivityId;
        }

        public int ActivityId { get; }
        public int ParentActivityId { get; }
        public string Activity { get; }
        public string Status { get; }
        public int PercentComplete { get; }
        public bool Completed { get; }

        public override string ToString() => $"{Activity}: {Status} ({PercentComplete}%)";
    }
}
