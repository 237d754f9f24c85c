using System;
using System.Collections.Generic;
using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Rules.Generalize;

namespace ImageTools.Engine.Rules.Clone
{
    /// <summary>
    /// What Invoke-VmGeneralize -Clone reads before any write: the source VM and its disks, and
    /// whatever of the clone an earlier run already made (its disks, network, VM).
    /// </summary>
    internal sealed class CloneFacts
    {
        public CloneFacts(GeneralizeRequest request, VmState source, CloneNames names, IReadOnlyList<PlannedCloneDisk> disks,
            VmState? existingClone, VirtualNetworkState? existingNetwork, NicState? existingNic)
        {
            Request = request;
            Source = source;
            Names = names;
            Disks = disks;
            ExistingClone = existingClone;
            ExistingNetwork = existingNetwork;
            ExistingNic = existingNic;
            SourceFacts = new GeneralizeFacts(request, source, Array.Empty<PlannedSnapshot>());
        }

        public GeneralizeRequest Request { get; }
        public VmState Source { get; }
        public CloneNames Names { get; }
        public IReadOnlyList<PlannedCloneDisk> Disks { get; }
        public VmState? ExistingClone { get; }
        public VirtualNetworkState? ExistingNetwork { get; }
        public NicState? ExistingNic { get; }

        /// <summary>The source seen as Invoke-VmGeneralize sees a VM: the OS, method and disk rules read it.</summary>
        public GeneralizeFacts SourceFacts { get; }

        /// <summary>The clone VM exists from an earlier run of this source's -Clone.</summary>
        public bool CloneExists => ExistingClone != null && CloneTags.IsCloneOf(ExistingClone.Tags, Source.Id);
    }
}
