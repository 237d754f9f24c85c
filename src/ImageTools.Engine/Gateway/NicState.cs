using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ImageTools.Engine.Gateway
{
    internal sealed class NicState
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public string Location { get; set; } = "";
        public string SubnetId { get; set; } = "";
        /// <summary>The VM the NIC is attached to; empty when free.</summary>
        public string VirtualMachineId { get; set; } = "";
    }
}
