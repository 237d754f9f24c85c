using System;
using System.Collections.Generic;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Operations.Orphans;
using ImageTools.Engine.Requests;

namespace ImageTools.Engine.Rules.Orphans
{
    /// <summary>
    /// What Remove-ImageToolsOrphan reads: the resource (one GET: its tags and what is attached to
    /// it), the VM its tags say it was made for (one GET), and the time it is judged at.
    /// </summary>
    internal sealed class OrphanRemoveFacts
    {
        public OrphanRemoveFacts(OrphanRemoveRequest request, ArmId id, bool exists, string location, IReadOnlyDictionary<string, string> tags,
            IReadOnlyList<string> attachedTo, bool vmExists, DateTime now)
        {
            Request = request;
            Id = id;
            Exists = exists;
            Location = location;
            Tags = tags;
            AttachedTo = attachedTo;
            VmExists = vmExists;
            Now = now;
            Origin = exists ? OrphanOrigin.Of(id, tags) : null;
        }

        public OrphanRemoveRequest Request { get; }
        public ArmId Id { get; }
        public bool Exists { get; }
        public string Location { get; }
        public IReadOnlyDictionary<string, string> Tags { get; }

        /// <summary>A disk's VM (managedBy), a NIC's VM, a public IP's IP configuration, a network's NICs and peerings.</summary>
        public IReadOnlyList<string> AttachedTo { get; }

        /// <summary>The VM it was made for; null when its tags do not prove ImageTools made it for one.</summary>
        public OrphanOrigin? Origin { get; }

        public bool VmExists { get; }
        public DateTime Now { get; }
    }
}
