using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ImageTools.Engine.Gateway
{
    internal sealed class PublicIpSpec
    {
        public ArmId Id { get; set; } = null!;
        public string Location { get; set; } = "";
        public string[] Zones { get; set; } = Array.Empty<string>();
        public Dictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();
    }
}
