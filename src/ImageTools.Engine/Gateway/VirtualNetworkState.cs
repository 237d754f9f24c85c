using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ImageTools.Engine.Gateway
{
    internal sealed class VirtualNetworkState
    {
        public ArmId Id { get; set; } = null!;
        public string Name { get; set; } = "";
        public string Location { get; set; } = "";
        public Dictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();
        public string ProvisioningState { get; set; } = "";
        public List<SubnetState> Subnets { get; set; } = new List<SubnetState>();
    }
}
