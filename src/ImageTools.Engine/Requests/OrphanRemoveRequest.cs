namespace ImageTools.Engine.Requests
{
    /// <summary>Remove-ImageToolsOrphan: delete one resource ImageTools made for a VM that no longer exists.</summary>
    public sealed class OrphanRemoveRequest : OperationRequest
    {
        public ResourceReference Resource { get; set; } = new ResourceReference();

        /// <summary>Also a pre-generalize snapshot whose imagetools-retain-until has not passed yet.</summary>
        public bool IgnoreRetention { get; set; }
    }
}
