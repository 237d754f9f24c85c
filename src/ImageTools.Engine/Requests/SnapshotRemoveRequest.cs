namespace ImageTools.Engine.Requests
{
    /// <summary>Remove-ImageToolsSnapshot: delete one snapshot ImageTools made.</summary>
    public sealed class SnapshotRemoveRequest : OperationRequest
    {
        public ResourceReference Snapshot { get; set; } = new ResourceReference();

        /// <summary>Also a snapshot whose imagetools-retain-until has not passed yet.</summary>
        public bool IgnoreRetention { get; set; }
    }
}
