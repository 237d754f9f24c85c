using System;
using System.Collections.Generic;
using System.Linq;

namespace ImageTools.Engine.Gateway
{
    /// <summary>A managed image.</summary>
    internal sealed class ImageState
    {
        public ArmId Id { get; set; } = null!;
        public string Name { get; set; } = "";
        public string ResourceGroupName { get; set; } = "";
        public string SubscriptionId { get; set; } = "";
        public string Location { get; set; } = "";
        public Dictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();
        public string ProvisioningState { get; set; } = "";
        public string HyperVGeneration { get; set; } = "";
        public string OsType { get; set; } = "";
        public string OsState { get; set; } = "";
        public bool ZoneResilient { get; set; }
        /// <summary>The VM it was captured from; empty when made from disks or snapshots.</summary>
        public string SourceVirtualMachineId { get; set; } = "";
        /// <summary>The OS disk's source: a managed disk or snapshot id.</summary>
        public string OsDiskSourceId { get; set; } = "";
        public int[] DataDiskLuns { get; set; } = Array.Empty<int>();
        /// <summary>True when the OS disk's source is a snapshot.</summary>
        public bool OsDiskIsSnapshot { get; set; }
        /// <summary>The OS disk's blob, for an image made from a VHD in a storage account.</summary>
        public string OsDiskBlobUri { get; set; } = "";
        /// <summary>Each data disk's LUN and source (a managed disk, a snapshot or a blob).</summary>
        public List<ImageDataDiskState> DataDisks { get; set; } = new List<ImageDataDiskState>();

        /// <summary>What the image was made from: the VM when there is one, else the OS disk's source.</summary>
        public string SourceId => SourceVirtualMachineId.Length > 0 ? SourceVirtualMachineId : OsDiskSourceId;
    }
}
