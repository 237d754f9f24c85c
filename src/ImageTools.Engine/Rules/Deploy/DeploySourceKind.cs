using System;
using System.Collections.Generic;
using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Requests;

namespace ImageTools.Engine.Rules.Deploy
{
    /// <summary>What New-VmFromImage's source is.</summary>
    internal enum DeploySourceKind
    {
        ManagedImage,
        GalleryVersion,
        /// <summary>A gallery image definition: the latest eligible version is used.</summary>
        GalleryDefinition,
        /// <summary>A managed disk (an imported VHD, a copy of a VM's OS disk): specialized, attached as one VM's OS disk.</summary>
        ManagedDisk,
    }
}
