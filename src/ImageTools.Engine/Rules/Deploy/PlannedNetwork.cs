using System;
using System.Collections.Generic;
using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Requests;

namespace ImageTools.Engine.Rules.Deploy
{
    /// <summary>The network the run puts its NICs in: an existing subnet, or a VNet made for the resource group and location.</summary>
    internal sealed class PlannedNetwork
    {
        /// <summary>-SubnetId as given; empty when a VNet is made for the run.</summary>
        public string GivenSubnetId { get; set; } = "";
        /// <summary>The VNet that holds -SubnetId (null when it does not exist), or the run's VNet when it already exists.</summary>
        public VirtualNetworkState? VirtualNetwork { get; set; }
        public ArmId? VirtualNetworkId { get; set; }
        public string SubnetName { get; set; } = "";
        public ArmId? SubnetId { get; set; }

        public bool UsesGivenSubnet => GivenSubnetId.Length > 0;
        public bool GivenSubnetExists => VirtualNetwork?.Subnets.Any(s => string.Equals(s.Name, SubnetName, StringComparison.OrdinalIgnoreCase)) ?? false;
        public bool CreatesVirtualNetwork => !UsesGivenSubnet && VirtualNetwork == null;
    }
}
