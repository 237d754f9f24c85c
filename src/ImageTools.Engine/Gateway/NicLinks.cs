using System.Collections.Generic;

namespace ImageTools.Engine.Gateway
{
    /// <summary>What a network interface's IP configurations point at: public IP addresses and subnets.</summary>
    internal sealed class NicLinks
    {
        public List<ArmId> PublicIpIds { get; } = new List<ArmId>();

        /// <summary>The subnets of its IP configurations (nested ids: their parent is the virtual network).</summary>
        public List<ArmId> SubnetIds { get; } = new List<ArmId>();
    }
}
