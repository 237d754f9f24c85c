using System;
using System.Collections.Generic;
using System.Net;

namespace ImageTools.Engine.Requests
{
    /// <summary>Invoke-VmGeneralize.</summary>
    public sealed class GeneralizeRequest : OperationRequest
    {
        public ResourceReference Vm { get; set; } = new ResourceReference();

        /// <summary>Auto (default) picks by the VM's OS type; asking for the other OS's method is refused.</summary>
        public GeneralizeMethod Method { get; set; } = GeneralizeMethod.Auto;

        /// <summary>Snapshots of the OS and data disks first; on unless -SkipSnapshot.</summary>
        public bool SkipSnapshot { get; set; }

        /// <summary>
        /// Days the pre-generalize snapshots are meant to be kept (1 to 3650, default 30): their
        /// imagetools-retain-until tag holds the UTC time they expire (-SnapshotRetentionDays).
        /// </summary>
        public int SnapshotRetentionDays { get; set; } = DefaultSnapshotRetentionDays;

        public const int DefaultSnapshotRetentionDays = 30;
        public const int MaxSnapshotRetentionDays = 3650;

        /// <summary>Start a stopped VM when the guest step still needs it (-Start).</summary>
        public bool StartIfStopped { get; set; }

        /// <summary>Linux: run "cloud-init clean --logs" in addition to the agent's deprovision.</summary>
        public bool CloudInitClean { get; set; }

        /// <summary>How long Sysprep / deprovision may take in the guest before the step fails.</summary>
        public TimeSpan GuestTimeout { get; set; } = TimeSpan.FromMinutes(30);

        /// <summary>
        /// Generalize a clone instead of the VM (-Clone): its disks are snapshotted while it runs, a
        /// temporary VM is built on copies in an isolated network and generalized; the VM itself is
        /// never stopped or changed.
        /// </summary>
        public bool Clone { get; set; }

        /// <summary>The clone's name (-CloneName); '&lt;vm&gt;-clone' when empty.</summary>
        public string? CloneName { get; set; }

        /// <summary>How long the platform's power-off may take once the guest step's evidence was read.</summary>
        public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromMinutes(10);

        /// <summary>
        /// The longest pause between two reads of the guest (ImageState, the agent, the power state):
        /// the pause starts at none and doubles from 1 s up to this. Null = the session's
        /// <see cref="EngineOptions.GuestPollInterval"/> (10 s).
        /// </summary>
        public TimeSpan? GuestPollInterval { get; set; }
    }
}
