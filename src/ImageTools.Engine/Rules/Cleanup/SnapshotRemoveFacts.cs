using System;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Requests;

namespace ImageTools.Engine.Rules.Cleanup
{
    /// <summary>What Remove-ImageToolsSnapshot reads: the snapshot (one GET), and the time it is judged at.</summary>
    internal sealed class SnapshotRemoveFacts
    {
        public SnapshotRemoveFacts(SnapshotRemoveRequest request, ArmId id, SnapshotState? snapshot, DateTime now)
        {
            Request = request;
            Id = id;
            Snapshot = snapshot;
            Now = now;
        }

        public SnapshotRemoveRequest Request { get; }
        public ArmId Id { get; }
        public SnapshotState? Snapshot { get; }
        public DateTime Now { get; }
    }
}
