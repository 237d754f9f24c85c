using System;
using System.Collections.Generic;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Requests;

namespace ImageTools.Engine.Rules.Capture
{
    /// <summary>A data disk (managed disk or snapshot) to carry into an image made from disks.</summary>
    internal sealed class DataDiskSource
    {
        public DataDiskSource(int lun, ArmId id, bool exists)
        {
            Lun = lun;
            Id = id;
            Exists = exists;
        }

        public int Lun { get; }
        public ArmId Id { get; }
        public bool Exists { get; }
        public bool IsSnapshot => Id.IsType(ArmId.Snapshots);
    }
}
