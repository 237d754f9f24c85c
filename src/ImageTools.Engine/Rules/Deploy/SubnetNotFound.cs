using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Deploy
{
    /// <summary>-SubnetId must name an existing subnet of a VNet in the target location.</summary>
    internal sealed class SubnetNotFound : Rule<DeployFacts>
    {
        public override string Reads => "the virtual network that holds -SubnetId";

        public override Finding? Evaluate(DeployFacts facts)
        {
            var network = facts.Network;
            if (!network.UsesGivenSubnet)
                return null;
            if (!network.GivenSubnetExists)
                return Refuse($"Subnet '{network.GivenSubnetId}' was not found.",
                    "Pass the Id of an existing subnet (Get-AzVirtualNetwork | Get-AzVirtualNetworkSubnetConfig), or omit -SubnetId to have a network made for the run.",
                    network.GivenSubnetId, FailureCategory.ObjectNotFound);
            if (!RegionNames.Same(network.VirtualNetwork!.Location, facts.TargetLocation))
                return Refuse($"Subnet '{network.GivenSubnetId}' is in '{network.VirtualNetwork.Location}', but the VMs go to '{facts.TargetLocation}'; a NIC must be in its subnet's region.",
                    "Pass a subnet of a VNet in the VMs' region, or omit -SubnetId.", network.GivenSubnetId, FailureCategory.InvalidArgument);
            return null;
        }
    }
}
