using System;
using System.Collections.Generic;

namespace ImageTools.Engine.Gateway
{
    /// <summary>
    /// A VM on disks that exist (createOption Attach, no osProfile: the guest keeps its identity).
    /// Its disks and NIC carry deleteOption Delete, so deleting the VM deletes them too.
    /// </summary>
    internal sealed class AttachedVmSpec
    {
        public string Id { get; set; } = "";
        public string Location { get; set; } = "";
        public string VmSize { get; set; } = "";
        public string[] Zones { get; set; } = Array.Empty<string>();
        public string OsType { get; set; } = "";
        /// <summary>Standard, TrustedLaunch or ConfidentialVM.</summary>
        public string SecurityType { get; set; } = "Standard";
        public string OsDiskId { get; set; } = "";
        /// <summary>LUN → disk id.</summary>
        public IDictionary<int, string> DataDiskIds { get; set; } = new Dictionary<int, string>();
        public string NicId { get; set; } = "";
        public Dictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();

        public override string ToString() => Id;
    }
}
