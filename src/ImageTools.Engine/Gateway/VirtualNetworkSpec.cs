using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ImageTools.Engine.Gateway
{
    internal sealed class VirtualNetworkSpec
    {
        public ArmId Id { get; set; } = null!;
        public string Location { get; set; } = "";
        public string AddressPrefix { get; set; } = "";
        public string SubnetName { get; set; } = "";
        public string SubnetPrefix { get; set; } = "";
        public Dictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();
    }
}
