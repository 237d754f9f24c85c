using ImageTools.Engine.Gateway;

namespace ImageTools.Engine.Rules.Clone
{
    /// <summary>
    /// The names of everything a clone is made of, derived from the clone's name (by default
    /// '&lt;source&gt;-clone'), so that a rerun finds what an earlier run made.
    /// </summary>
    internal sealed class CloneNames
    {
        public const string VirtualNetworks = "Microsoft.Network/virtualNetworks";
        public const string NetworkInterfaces = "Microsoft.Network/networkInterfaces";
        public const string SubnetName = "isolated";
        public const string AddressPrefix = "10.254.0.0/24";

        public CloneNames(ArmId vm)
        {
            Vm = vm;
            Network = ArmId.Of(vm.SubscriptionId, vm.ResourceGroupName, VirtualNetworks, vm.Name + "-isolated-vnet");
            Nic = ArmId.Of(vm.SubscriptionId, vm.ResourceGroupName, NetworkInterfaces, vm.Name + "-nic");
        }

        public ArmId Vm { get; }
        public ArmId Network { get; }
        public ArmId Nic { get; }
        public ArmId SubnetId => Network.Child("subnets", SubnetName);

        public ArmId Disk(string slot) => ArmId.Of(Vm.SubscriptionId, Vm.ResourceGroupName, ArmId.Disks, Vm.Name + "-" + slot);

        public ArmId Snapshot(string slot) => ArmId.Of(Vm.SubscriptionId, Vm.ResourceGroupName, ArmId.Snapshots, Vm.Name + "-" + slot + "-source");

        /// <summary>'&lt;source&gt;-clone', shortened to fit a VM name (64 characters).</summary>
        public static string DefaultName(string sourceName)
        {
            const string suffix = "-clone";
            var stem = sourceName.Length + suffix.Length > 64 ? sourceName.Substring(0, 64 - suffix.Length).TrimEnd('-', '.') : sourceName;
            return stem + suffix;
        }
    }
}
