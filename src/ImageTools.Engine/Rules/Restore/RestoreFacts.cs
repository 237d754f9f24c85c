using System;
using System.Collections.Generic;
using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Requests;

namespace ImageTools.Engine.Rules.Restore
{
    /// <summary>What Undo-VmGeneralize reads before any write: the VM, its disks' pre-generalize snapshots, and the VM a generalized one would be restored as.</summary>
    internal sealed class RestoreFacts
    {
        public RestoreFacts(RestoreRequest request, VmState vm, IReadOnlyList<RestorePoint> points, ArmId newVm, VmState? existingNewVm, NicState? nic)
        {
            Request = request;
            Vm = vm;
            Points = points;
            NewVm = newVm;
            ExistingNewVm = existingNewVm;
            Nic = nic;
        }

        public RestoreRequest Request { get; }
        public VmState Vm { get; }

        /// <summary>One per disk of the VM (OS disk first, then by LUN).</summary>
        public IReadOnlyList<RestorePoint> Points { get; }

        /// <summary>A VM flagged generalized in ARM stays so: its restored disks run as a new VM of this name.</summary>
        public bool AsNewVm => Vm.IsGeneralized;

        public ArmId NewVm { get; }
        public VmState? ExistingNewVm { get; }

        /// <summary>The VM's primary NIC: a new VM gets a NIC of its own in the same subnet.</summary>
        public NicState? Nic { get; }

        public const string RestoredFromTag = "imagetools-restored-from";

        public static bool IsRestoreOf(IReadOnlyDictionary<string, string>? tags, ArmId vmId) =>
            tags != null && tags.Any(t => string.Equals(t.Key, RestoredFromTag, StringComparison.OrdinalIgnoreCase) && ArmId.SameId(t.Value, vmId));
    }
}
