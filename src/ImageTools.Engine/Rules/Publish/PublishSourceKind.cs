using System;
using System.Collections.Generic;
using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Rules.Capture;

namespace ImageTools.Engine.Rules.Publish
{
    /// <summary>What Publish-GalleryVersion's source is.</summary>
    internal enum PublishSourceKind
    {
        ManagedImage,
        VirtualMachine,
        Snapshot,
        Disk,
        GalleryVersion,
    }
}
