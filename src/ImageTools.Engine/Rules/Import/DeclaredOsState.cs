using System;
using System.Collections.Generic;

namespace ImageTools.Engine.Rules.Import
{
    /// <summary>
    /// The OS state declared for a disk made from a VHD (Import-Vhd -OsState), kept on the disk as the
    /// tag imagetools-os-state: ARM records no OS state on disks, and New-CapturedImage and
    /// Publish-GalleryVersion read it from there instead of asking again.
    /// </summary>
    internal static class DeclaredOsState
    {
        public const string Tag = "imagetools-os-state";

        /// <summary>Generalized or Specialized as tagged; empty when the disk carries no valid declaration.</summary>
        public static string Read(IDictionary<string, string>? tags)
        {
            if (tags == null || !tags.TryGetValue(Tag, out var value))
                return "";
            value = (value ?? "").Trim();
            return value.Equals("Generalized", StringComparison.OrdinalIgnoreCase) ? "Generalized"
                : value.Equals("Specialized", StringComparison.OrdinalIgnoreCase) ? "Specialized" : "";
        }
    }
}
