using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ImageTools.Engine.Gateway
{
    internal sealed class SubnetState
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public string AddressPrefix { get; set; } = "";
    }
}
