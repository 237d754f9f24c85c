using System;
using System.Collections.Generic;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Requests;

namespace ImageTools.Engine.Rules.Capture
{
    /// <summary>What New-CapturedImage's source is.</summary>
    internal enum CaptureSourceKind
    {
        VirtualMachine,
        Snapshot,
        Disk,
    }
}
