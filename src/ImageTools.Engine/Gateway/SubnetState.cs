using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ImageTools.Engine.Gateway
{
    internal sealed class SubnetState
    {
        public ArmId Id { get; set; } = null!;
        public string Name { get; set; } = "";
        public string AddressPrefix { get; set; } = "";
    }
}
