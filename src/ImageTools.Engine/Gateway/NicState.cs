using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ImageTools.Engine.Gateway
{
    internal sealed class NicState
    {
        public ArmId Id { get; set; } = null!;
        public string Name { get; set; } = "";
        public string Location { get; set; } = "";
        public Dictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();
        public string SubnetId { get; set; } = "";
        /// <summary>The VM the NIC is attached to; empty when free.</summary>
        public string VirtualMachineId { get; set; } = "";
    }
}
