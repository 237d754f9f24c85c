using System;
using System.Collections.Generic;

namespace ImageTools.Engine.Gateway
{
    /// <summary>
    /// A virtual network as its removal needs it: its tags and what is attached to it (the IP
    /// configurations and private endpoints in its subnets, its peerings), as ARM reports them.
    /// </summary>
    internal sealed class VirtualNetworkUse
    {
        public ArmId Id { get; set; } = null!;
        public string Location { get; set; } = "";
        public Dictionary<string, string> Tags { get; set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Ids of the IP configurations in its subnets (a NIC's: '&lt;nic id&gt;/ipConfigurations/&lt;name&gt;').</summary>
        public List<string> IpConfigurationIds { get; } = new List<string>();

        /// <summary>Ids of its peerings and of the private endpoints in its subnets.</summary>
        public List<string> OtherAttachedIds { get; } = new List<string>();
    }
}
