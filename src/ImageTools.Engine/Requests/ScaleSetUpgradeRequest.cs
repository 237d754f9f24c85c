using System;

namespace ImageTools.Engine.Requests
{
    /// <summary>Update-VmssImage.</summary>
    public sealed class ScaleSetUpgradeRequest : OperationRequest
    {
        /// <summary>The scale set to move.</summary>
        public ResourceReference ScaleSet { get; set; } = new ResourceReference();

        /// <summary>The gallery version to move to, or a gallery definition (its latest version).</summary>
        public string ImageId { get; set; } = "";

        /// <summary>Allows moving to a version lower than the one the model names (a rollback).</summary>
        public bool AllowOlderVersion { get; set; }

        /// <summary>How long the rolling upgrade may take, from the model update to its last batch.</summary>
        public TimeSpan UpgradeTimeout { get; set; } = TimeSpan.FromHours(2);
    }
}
