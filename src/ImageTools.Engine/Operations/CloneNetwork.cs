using System;
using System.Collections.Generic;
using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Rules.Clone;

namespace ImageTools.Engine.Operations
{
    /// <summary>
    /// Whether a VM's virtual network goes with it (<see cref="VmRemoval"/>): only a clone's own
    /// isolated network does, proven by its tags (imagetools-clone-of the clone's source,
    /// imagetools-owner the clone itself), and only while nothing but the clone's own NICs is
    /// attached to it. Any other network is left, and the reason is named.
    /// </summary>
    internal static class CloneNetwork
    {
        /// <summary>A VM made by Invoke-VmGeneralize -Clone carries imagetools-clone-of; only then is its network read.</summary>
        public static bool IsClone(VmState vm) => CloneTags.Read(vm.Tags, CloneTags.CloneOf) != null;

        /// <summary>Null when the network goes with the VM; otherwise why it is left.</summary>
        public static string? WhyLeft(VmState vm, VirtualNetworkUse network, IReadOnlyCollection<ArmId> vmNics)
        {
            var source = CloneTags.Read(vm.Tags, CloneTags.CloneOf);
            if (source == null || !ArmId.SameId(CloneTags.Read(network.Tags, CloneTags.CloneOf), source)
                || !vm.Id.Is(CloneTags.Read(network.Tags, CloneTags.Owner)))
                return $"its tags {CloneTags.CloneOf} and {CloneTags.Owner} do not name VM '{vm.Name}' as a clone that owns it";
            var others = network.IpConfigurationIds
                .Where(config => !vmNics.Any(nic => config.StartsWith(nic.Id + "/", StringComparison.OrdinalIgnoreCase)))
                .Select(config => config.Split(new[] { "/ipConfigurations/" }, StringSplitOptions.None)[0])
                .Concat(network.OtherAttachedIds)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
            return others.Count == 0 ? null : $"other resources are attached to it: {string.Join(", ", others.Select(id => $"'{ArmId.NameOf(id)}'"))}";
        }
    }
}
