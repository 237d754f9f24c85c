using System.Collections.Generic;
using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Requests;

namespace ImageTools.Engine.Rules.Copy
{
    /// <summary>What Copy-CapturedImage's rules read: the source image and its disks' sources, the target group, region and image, and the intermediate snapshots of an earlier run.</summary>
    internal sealed class CopyFacts
    {
        /// <summary>The tag on the copy (and its snapshots) naming the image it was copied from.</summary>
        public const string CopyOfTag = "imagetools-copy-of";

        public CopyRequest Request { get; set; } = new CopyRequest();

        /// <summary>The id as given, when it names a gallery image version or definition (not copyable: galleries replicate).</summary>
        public string GallerySourceId { get; set; } = "";
        public ArmId SourceId { get; set; } = null!;
        public ImageState? Source { get; set; }
        public ArmId TargetId { get; set; } = null!;
        public string TargetLocation { get; set; } = "";
        public bool TargetGroupExists { get; set; } = true;
        /// <summary>False when the target region is not one the subscription offers.</summary>
        public bool TargetLocationKnown { get; set; } = true;
        public IReadOnlyList<string> KnownLocations { get; set; } = new List<string>();
        public ImageState? ExistingTarget { get; set; }
        public List<CopyDisk> Disks { get; set; } = new List<CopyDisk>();

        public bool IsGallerySource => GallerySourceId.Length > 0;
        public bool CrossRegion => Source != null && !RegionNames.Same(Source.Location, TargetLocation);
        public bool SourceUsable => !IsGallerySource && Source != null;

        /// <summary>The copy of this image made by an earlier run.</summary>
        public bool TargetIsOurCopy => ExistingTarget != null && Source != null &&
            ExistingTarget.Tags.TryGetValue(CopyOfTag, out var of) && ArmId.SameId(of, Source.Id);

        public IEnumerable<CopyDisk> MissingSources => Disks.Where(d => !d.SourceIsBlob && !d.SourceExists);
    }
}
