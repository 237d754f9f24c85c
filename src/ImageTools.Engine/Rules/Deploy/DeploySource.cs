using System;
using System.Collections.Generic;
using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Requests;

namespace ImageTools.Engine.Rules.Deploy
{
    /// <summary>The source as read. Empty strings mean "the source does not say".</summary>
    internal sealed class DeploySource
    {
        public DeploySourceKind Kind { get; set; }
        /// <summary>The id as named (image, version or definition).</summary>
        public ArmId Id { get; set; } = null!;
        public string Name { get; set; } = "";
        public bool Exists { get; set; }
        /// <summary>The image's region, or the gallery's.</summary>
        public string Location { get; set; } = "";
        public string OsType { get; set; } = "";
        public string OsState { get; set; } = "Generalized";
        public string HyperVGeneration { get; set; } = "";
        /// <summary>The definition's SecurityType feature (Standard, TrustedLaunch, ConfidentialVM, ...Supported).</summary>
        public string SecurityType { get; set; } = "Standard";

        /// <summary>The image or gallery version the VMs are created from; empty when none fits the target location.</summary>
        public ArmId? ImageId { get; set; }

        /// <summary>Regions where the source can be used: the image's region, or the regions a version has Completed.</summary>
        public List<string> AvailableIn { get; set; } = new List<string>();

        /// <summary>Gallery sources: each version considered for "latest" and why it was passed over (empty when chosen).</summary>
        public List<(string Version, string Reason)> Considered { get; set; } = new List<(string, string)>();

        /// <summary>A managed disk source as read: its state (Unattached, Attached...) and the VM it is attached to.</summary>
        public DiskState? Disk { get; set; }

        public bool IsWindows => !string.Equals(OsType, "Linux", StringComparison.OrdinalIgnoreCase);
        public bool IsSpecialized => string.Equals(OsState, "Specialized", StringComparison.OrdinalIgnoreCase);

        /// <summary>True when a VM created from <paramref name="imageId"/> comes from this source (for a definition: any of its versions).</summary>
        public bool Produced(string imageId)
        {
            if (imageId.Length == 0)
                return false;
            if (Id.Is(imageId) || (ImageId != null && ImageId.Is(imageId)))
                return true;
            return Kind == DeploySourceKind.GalleryDefinition && GalleryIds.TryParseVersion(imageId, out var version) && Id.Equals(version.Parent);
        }
    }
}
