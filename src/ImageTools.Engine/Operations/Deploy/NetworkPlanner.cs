using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Rules.Deploy;
using ImageTools.Engine.Validation;

namespace ImageTools.Engine.Operations.Deploy
{
    /// <summary>
    /// The network of a New-VmFromImage run: the subnet given (-SubnetId), or the run's own virtual
    /// network per location (imagetools-vnet-&lt;location&gt;, subnet default), created when missing.
    /// </summary>
    internal sealed class NetworkPlanner
    {
        public const string VnetPrefix = "imagetools-vnet-";
        public const string SubnetName = "default";
        public const string VnetAddressPrefix = "10.0.0.0/16";
        public const string SubnetAddressPrefix = "10.0.0.0/24";

        private readonly OperationRun _run;
        private readonly IDeployGateway _deploy;

        public NetworkPlanner(OperationRun run, IDeployGateway deploy)
        {
            _run = run;
            _deploy = deploy;
        }

        public async Task<PlannedNetwork> ReadAsync(string? subnetId, string subscriptionId, string group, bool groupExists, string location, TimeSpan timeout)
        {
            var network = new PlannedNetwork();
            var given = string.IsNullOrWhiteSpace(subnetId) ? null : subnetId!.Trim();
            if (given != null)
            {
                network.GivenSubnetId = given;
                network.SubnetId = ArmId.ParseOrNull(given);
                if (network.SubnetId != null && network.SubnetId.IsType(ArmId.VirtualNetworks + "/subnets"))
                {
                    var vnetId = network.VirtualNetworkId = network.SubnetId.Parent!;
                    network.SubnetName = network.SubnetId.Name;
                    network.VirtualNetwork = await _run.StepAsync("reading the subnet's virtual network", timeout,
                        ct => _deploy.GetVirtualNetworkAsync(vnetId, ct)).ConfigureAwait(false);
                }
                return network;
            }
            var runVnetId = network.VirtualNetworkId = ArmId.Of(subscriptionId, group, ArmId.VirtualNetworks, VnetPrefix + location);
            network.SubnetName = SubnetName;
            network.SubnetId = runVnetId.Child("subnets", SubnetName);
            if (groupExists && location.Length > 0)
            {
                network.VirtualNetwork = await _run.StepAsync("reading the run's virtual network", timeout,
                    ct => _deploy.GetVirtualNetworkAsync(runVnetId, ct)).ConfigureAwait(false);
                var subnet = network.VirtualNetwork?.Subnets.FirstOrDefault(s => string.Equals(s.Name, SubnetName, StringComparison.OrdinalIgnoreCase));
                if (subnet != null)
                    network.SubnetId = subnet.Id;
            }
            return network;
        }

        /// <summary>Creates the run's virtual network when the plan says so; returns the subnet to use.</summary>
        public async Task<ArmId> CreateIfPlannedAsync(DeployFacts facts, Dictionary<string, string> tags)
        {
            var subnetId = facts.Network.SubnetId!;
            var vnetId = facts.Network.VirtualNetworkId!;
            if (!facts.Network.CreatesVirtualNetwork || !facts.ToCreate.Any())
                return subnetId;
            var vnet = await _run.StepAsync($"creating virtual network '{vnetId.Name}'", _run.Options.OperationTimeout,
                ct => _deploy.CreateVirtualNetworkAsync(new VirtualNetworkSpec
                {
                    Id = vnetId,
                    Location = facts.TargetLocation,
                    AddressPrefix = VnetAddressPrefix,
                    SubnetName = SubnetName,
                    SubnetPrefix = SubnetAddressPrefix,
                    Tags = tags,
                }, ct), 5).ConfigureAwait(false);
            return vnet.Subnets.FirstOrDefault(s => string.Equals(s.Name, SubnetName, StringComparison.OrdinalIgnoreCase))?.Id ?? subnetId;
        }
    }
}
