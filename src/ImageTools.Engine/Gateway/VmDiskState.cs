using System;
using System.Collections.Generic;
using System.Linq;

namespace ImageTools.Engine.Gateway
{
    /// <summary>One disk as a VM's storage profile lists it.</summary>
    internal sealed class VmDiskState
    {
        public string Name { get; set; } = "";
        /// <summary>-1 for the OS disk.</summary>
        public int Lun { get; set; } = -1;
        /// <summary>The managed disk id; empty for an unmanaged (VHD) disk.</summary>
        public ArmId? ManagedDiskId { get; set; }
        /// <summary>The page blob of an unmanaged disk.</summary>
        public string VhdUri { get; set; } = "";
        public bool IsManaged => ManagedDiskId != null;
    }
}
