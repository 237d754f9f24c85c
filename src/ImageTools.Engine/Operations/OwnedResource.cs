using ImageTools.Engine.Gateway;

namespace ImageTools.Engine.Operations
{
    /// <summary>One resource a VM owned, deleted with it by <see cref="VmRemoval"/>.</summary>
    internal sealed class OwnedResource
    {
        public const string NetworkInterface = "networkInterface";
        public const string PublicIp = "publicIp";
        public const string Disk = "disk";
        public const string VirtualNetwork = "virtualNetwork";

        public OwnedResource(ArmId id, string what, string kind)
        {
            Id = id;
            What = what;
            Kind = kind;
        }

        public ArmId Id { get; }

        /// <summary>"OS disk", "network interface"... as the plan names it.</summary>
        public string What { get; }

        /// <summary>One of the constants: decides the delete call and the order.</summary>
        public string Kind { get; }

        public string Name => Id.Name;

        /// <summary>NICs before the public IPs and virtual networks they use, disks last.</summary>
        public int Order => Kind == NetworkInterface ? 0 : Kind == PublicIp ? 1 : Kind == VirtualNetwork ? 2 : 3;
    }
}
