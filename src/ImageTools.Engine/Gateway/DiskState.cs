using System;
using System.Collections.Generic;
using System.Linq;

namespace ImageTools.Engine.Gateway
{
    /// <summary>A managed disk.</summary>
    internal sealed class DiskState
    {
        public ArmId Id { get; set; } = null!;
        public string Name { get; set; } = "";
        public string Location { get; set; } = "";
        public string[] Zones { get; set; } = Array.Empty<string>();
        public Dictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();
        public string ProvisioningState { get; set; } = "";
        /// <summary>Windows, Linux or empty for a data disk.</summary>
        public string OsType { get; set; } = "";
        public string HyperVGeneration { get; set; } = "";
        /// <summary>Standard, TrustedLaunch, ConfidentialVM... from the disk's security profile; Standard when absent.</summary>
        public string SecurityType { get; set; } = "Standard";
        /// <summary>Attached, Reserved, Unattached...</summary>
        public string AttachState { get; set; } = "";
        public string ManagedBy { get; set; } = "";
        public string SkuName { get; set; } = "";
        public long DiskSizeGb { get; set; }
        /// <summary>The snapshot or disk it was copied from; empty for an empty or image-made disk.</summary>
        public string SourceResourceId { get; set; } = "";
        public DateTimeOffset? TimeCreated { get; set; }
        /// <summary>Empty, Upload, Import, Copy, FromImage...</summary>
        public string CreateOption { get; set; } = "";
        /// <summary>For a disk created for upload: the VHD's size in bytes (footer included).</summary>
        public long UploadSizeBytes { get; set; }
        /// <summary>For an imported disk: the blob it came from.</summary>
        public string SourceUri { get; set; } = "";
    }
}
