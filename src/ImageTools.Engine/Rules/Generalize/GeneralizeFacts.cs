using System;
using System.Collections.Generic;
using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Requests;

namespace ImageTools.Engine.Rules.Generalize
{
    /// <summary>What Invoke-VmGeneralize's rules read: the request, the VM (one GET), and the guest probe once run.</summary>
    internal sealed class GeneralizeFacts
    {
        public GeneralizeFacts(GeneralizeRequest request, VmState vm, IReadOnlyList<PlannedSnapshot> snapshots, GuestIdentity? guest = null)
        {
            Request = request;
            Vm = vm;
            Snapshots = snapshots;
            Guest = guest;
        }

        /// <summary>The snapshots to take before the guest step (none with -SkipSnapshot), and any already there.</summary>
        public IReadOnlyList<PlannedSnapshot> Snapshots { get; }

        public GeneralizeFacts WithGuest(GuestIdentity guest) => new GeneralizeFacts(Request, Vm, Snapshots, guest);

        public GeneralizeRequest Request { get; }
        public VmState Vm { get; }

        /// <summary>Domain membership as the guest reports it; null before the probe ran (and under -WhatIf).</summary>
        public GuestIdentity? Guest { get; }

        public bool IsWindows => string.Equals(Vm.OsType, "Windows", StringComparison.OrdinalIgnoreCase);
        public bool IsLinux => string.Equals(Vm.OsType, "Linux", StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// The evidence an earlier run recorded on the VM (its imagetools-guest-generalized tag),
        /// or null: a tag without evidence (another value, or set by hand) does not count.
        /// </summary>
        public GuestStepEvidence? Evidence => GuestStepMarker.Read(Vm.Tags);

        /// <summary>
        /// True when the guest step (Sysprep / deprovision) already succeeded on an earlier run:
        /// the engine tags the VM with the evidence once it was read, before it powers off and
        /// deallocates. A tagged VM that runs again is verified again (its guest may have moved on),
        /// except a deprovisioned Linux guest whose agent is still gone: waagent stops the agent, so
        /// nothing could be read from it (a deallocate that failed after the deprovisioning leaves it so).
        /// </summary>
        public bool GuestStepDone => Evidence is GuestStepEvidence evidence
            && (Vm.PowerState != VmPowerState.Running || (!evidence.IsSysprep && !Vm.AgentReady));

        /// <summary>The guest still has to be generalized from inside, so it must run with a Ready agent.</summary>
        public bool GuestStepNeeded => !Vm.IsGeneralized && !GuestStepDone;

        /// <summary>
        /// A Windows guest still to be Sysprepped is probed for domain membership first (a
        /// read-only run command): ARM does not expose it, so DomainJoined and DomainController
        /// can only be judged from inside the guest.
        /// </summary>
        public bool NeedsDomainProbe => GuestStepNeeded && IsWindows;

        public bool CanStart => Request.StartIfStopped && Vm.PowerState.IsStoppedOrDeallocated();
    }
}
