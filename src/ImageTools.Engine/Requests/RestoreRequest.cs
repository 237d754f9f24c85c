using System;

namespace ImageTools.Engine.Requests
{
    /// <summary>Undo-VmGeneralize: restore a VM from its pre-generalize snapshots.</summary>
    public sealed class RestoreRequest : OperationRequest
    {
        public ResourceReference Vm { get; set; } = new ResourceReference();

        /// <summary>
        /// The name of the VM built on the restored disks when the VM is flagged generalized in ARM
        /// (that flag cannot be cleared); '&lt;vm&gt;-restored' when empty. Unused otherwise: the disks are swapped in.
        /// </summary>
        public string? NewVmName { get; set; }

        /// <summary>How long the restored VM's guest agent may take to report Ready.</summary>
        public TimeSpan GuestTimeout { get; set; } = TimeSpan.FromMinutes(30);
    }
}
