using System.Collections.Generic;
using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Operations.Cleanup;
using ImageTools.Engine.Rules.Clone;
using ImageTools.Engine.Rules.Generalize;
using ImageTools.Models;

namespace ImageTools.Engine.Operations.Orphans
{
    /// <summary>
    /// The VM a resource was made for, proven by ImageTools' tags only: a pre-generalize snapshot
    /// (imagetools-snapshot-of, the VM's name in the snapshot's group), a part of a clone (its disks,
    /// NIC and network: imagetools-owner the clone VM and imagetools-clone-of its source), or a
    /// clone's temporary copy of a running VM's disk (imagetools-clone-of only). Anything else,
    /// and any VM, has no origin: it is never listed or removed as an orphan.
    /// </summary>
    internal sealed class OrphanOrigin
    {
        public const string PreGeneralizeSnapshot = "PreGeneralizeSnapshot";
        public const string CloneSourceSnapshot = "CloneSourceSnapshot";
        public const string ClonePart = "ClonePart";

        /// <summary>The kinds of resource ImageTools makes for a VM, in the order they are removed (NICs before networks).</summary>
        public static readonly string[] Types = { ArmId.NetworkInterfaces, ArmId.PublicIpAddresses, ArmId.VirtualNetworks, ArmId.Disks, ArmId.Snapshots };

        private OrphanOrigin(ArmId vmId, string kind, string description)
        {
            VmId = vmId;
            Kind = kind;
            Description = description;
        }

        public ArmId VmId { get; }
        public string Kind { get; }
        public string Description { get; }

        public static OrphanOrigin? Of(ArmId id, IReadOnlyDictionary<string, string> tags)
        {
            if (!Types.Any(id.IsType))
                return null;
            var owner = ArmId.ParseOrNull(CloneTags.Read(tags, CloneTags.Owner));
            var cloneOf = ArmId.ParseOrNull(CloneTags.Read(tags, CloneTags.CloneOf));
            if (owner != null && owner.IsType(ArmId.VirtualMachines) && cloneOf != null && cloneOf.IsType(ArmId.VirtualMachines))
                return new OrphanOrigin(owner, ClonePart, $"part of clone '{owner.Name}' of VM '{cloneOf.Name}'");
            if (!id.IsType(ArmId.Snapshots))
                return null;
            if (CloneTags.Read(tags, PlannedSnapshot.SourceVmTag) is string vm && vm.Trim().Length > 0)
                return new OrphanOrigin(ArmId.Of(id.SubscriptionId, id.ResourceGroupName, ArmId.VirtualMachines, vm.Trim()), PreGeneralizeSnapshot,
                    $"pre-generalize snapshot of VM '{vm.Trim()}'");
            if (owner == null && cloneOf != null && cloneOf.IsType(ArmId.VirtualMachines))
                return new OrphanOrigin(cloneOf, CloneSourceSnapshot, $"copy of a disk of VM '{cloneOf.Name}' taken for a clone");
            return null;
        }

        /// <summary>Removal order: by <see cref="Types"/>.</summary>
        public static int Order(ArmId id) => System.Array.FindIndex(Types, id.IsType);

        public OrphanInfo ToInfo(ArmId id, string location, IReadOnlyDictionary<string, string> tags, bool removed = false) => new OrphanInfo
        {
            Id = id.Id,
            SubscriptionId = id.SubscriptionId,
            ResourceGroupName = id.ResourceGroupName,
            Name = id.Name,
            Location = location,
            Tags = new Dictionary<string, string>(tags.ToDictionary(t => t.Key, t => t.Value), System.StringComparer.OrdinalIgnoreCase),
            ResourceType = id.Type,
            Kind = Kind,
            VmName = VmId.Name,
            VmId = VmId.Id,
            Description = $"{Description}, which no longer exists",
            RetainUntil = ImageToolsSnapshots.RetainUntil(tags) is System.DateTime until ? ImageToolsSnapshots.Utc(until) : "",
            Removed = removed,
        };
    }
}
