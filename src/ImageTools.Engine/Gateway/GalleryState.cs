using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ImageTools.Engine.Gateway
{
    /// <summary>A Compute Gallery.</summary>
    internal sealed class GalleryState
    {
        public ArmId Id { get; set; } = null!;
        public string Name { get; set; } = "";
        public string Location { get; set; } = "";
        public string ProvisioningState { get; set; } = "";
    }
}
