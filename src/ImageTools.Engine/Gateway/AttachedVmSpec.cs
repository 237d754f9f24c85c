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
        public ArmId Id { get; set; } = null!;
        public string Location { get; set; } = "";
        public string VmSize { get; set; } = "";
        public string[] Zones { get; set; } = Array.Empty<string>();
        public string OsType { get; set; } = "";
        /// <summary>Standard, TrustedLaunch or ConfidentialVM.</summary>
        public string SecurityType { get; set; } = "Standard";
        public ArmId OsDiskId { get; set; } = null!;
        /// <summary>LUN → disk id.</summary>
        public IDictionary<int, ArmId> DataDiskIds { get; set; } = new Dictionary<int, ArmId>();
        public ArmId NicId { get; set; } = null!;
        public Dictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();

        public override string ToString() => Id.Id;
    }
}
