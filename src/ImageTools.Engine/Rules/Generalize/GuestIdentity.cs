using System;
using System.Collections.Generic;
using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Requests;

namespace ImageTools.Engine.Rules.Generalize
{
    /// <summary>A Windows guest's domain role (Win32_ComputerSystem): 0-1 workstation, 2-3 member/standalone server, 4-5 domain controller.</summary>
    internal sealed class GuestIdentity
    {
        public bool PartOfDomain { get; set; }
        public int DomainRole { get; set; }
        public string Domain { get; set; } = "";
        public bool IsDomainController => DomainRole >= 4;
    }
}
