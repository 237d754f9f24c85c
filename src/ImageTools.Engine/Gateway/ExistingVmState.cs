using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ImageTools.Engine.Gateway
{
    /// <summary>A VM as the resource group's VM list shows it.</summary>
    internal sealed class ExistingVmState
    {
        public ArmId Id { get; set; } = null!;
        public string Name { get; set; } = "";
        public string Location { get; set; } = "";
        public string ProvisioningState { get; set; } = "";
        /// <summary>storageProfile.imageReference.id (managed image, gallery version or definition); empty for other sources.</summary>
        public string ImageId { get; set; } = "";
        /// <summary>The OS disk's id (a VM made by attaching a disk has no image).</summary>
        public string OsDiskId { get; set; } = "";
        public string VmSize { get; set; } = "";
    }
}
