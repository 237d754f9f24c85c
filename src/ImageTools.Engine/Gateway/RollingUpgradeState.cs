namespace ImageTools.Engine.Gateway
{
    /// <summary>A scale set's latest rolling upgrade (rollingUpgrades/latest).</summary>
    internal sealed class RollingUpgradeState
    {
        /// <summary>RollingForward, Completed, Faulted or Cancelled.</summary>
        public string Code { get; set; } = "";
        public System.DateTimeOffset? StartTime { get; set; }
        public string LastAction { get; set; } = "";
        public int Successful { get; set; }
        public int Failed { get; set; }
        public int InProgress { get; set; }
        public int Pending { get; set; }
        public int MaxBatchInstancePercent { get; set; }

        /// <summary>The error of a Faulted upgrade: ARM's code and message; empty otherwise.</summary>
        public string ErrorCode { get; set; } = "";
        public string ErrorMessage { get; set; } = "";

        public bool Running => string.Equals(Code, "RollingForward", System.StringComparison.OrdinalIgnoreCase);
        public int Total => Successful + Failed + InProgress + Pending;
    }
}
