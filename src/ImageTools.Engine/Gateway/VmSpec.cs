using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ImageTools.Engine.Gateway
{
    /// <summary>A VM to create from an image. Carries the administrator secret: never logged, never in a message.</summary>
    internal sealed class VmSpec
    {
        public ArmId Id { get; set; } = null!;
        public string Location { get; set; } = "";
        public string VmSize { get; set; } = "";
        public string[] Zones { get; set; } = Array.Empty<string>();
        public Dictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();
        /// <summary>A managed image, gallery version or gallery definition id.</summary>
        public ArmId ImageId { get; set; } = null!;
        /// <summary>A disk to attach as the OS disk instead of an image (a specialized managed disk).</summary>
        public ArmId? OsDiskId { get; set; }
        public string OsType { get; set; } = "";
        /// <summary>Standard, TrustedLaunch or ConfidentialVM.</summary>
        public string SecurityType { get; set; } = "Standard";
        public ArmId NicId { get; set; } = null!;

        /// <summary>False for specialized sources: no osProfile at all.</summary>
        public bool WithOsProfile { get; set; }
        public string ComputerName { get; set; } = "";
        public string AdminUserName { get; set; } = "";
        public string? AdminPassword { get; set; }
        public string? SshPublicKey { get; set; }

        public override string ToString() => Id.Id;
    }
}
