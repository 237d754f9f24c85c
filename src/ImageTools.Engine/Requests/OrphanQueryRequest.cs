namespace ImageTools.Engine.Requests
{
    /// <summary>Get-ImageToolsOrphan: what ImageTools made for VMs that no longer exist.</summary>
    public sealed class OrphanQueryRequest : OperationRequest
    {
        /// <summary>One resource group; the whole subscription when empty.</summary>
        public string? ResourceGroupName { get; set; }

        /// <summary>Only what was made for this (deleted) VM, by name.</summary>
        public string? VmName { get; set; }
    }
}
