using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ImageTools.Engine.Gateway
{
    internal sealed class NicSpec
    {
        public ArmId Id { get; set; } = null!;
        public string Location { get; set; } = "";
        public ArmId SubnetId { get; set; } = null!;
        /// <summary>A public IP address id, or empty for none.</summary>
        public ArmId? PublicIpId { get; set; }
        public Dictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();
    }
}
