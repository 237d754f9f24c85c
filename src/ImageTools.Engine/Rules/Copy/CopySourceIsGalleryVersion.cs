using System;
using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Copy
{
    /// <summary>A gallery image version is not copied: a gallery replicates it to other regions itself.</summary>
    internal sealed class CopySourceIsGalleryVersion : Rule<CopyFacts>
    {
        public override string Reads => "the source id: a gallery image version or definition";

        public override Finding? Evaluate(CopyFacts facts)
        {
            if (!facts.IsGallerySource)
                return null;
            return Refuse($"'{facts.GallerySourceId}' is an Azure Compute Gallery image; Copy-CapturedImage copies managed images. A gallery version reaches other regions through the gallery's own replication, with no copy of its disks.",
                "Replicate it instead: Publish-GalleryVersion -ResourceId <its source> -GalleryName <gallery> -DefinitionName <definition> -Version <version> -TargetRegion <regions> (the version's target regions), then New-VmFromImage -Location <region> from the version.",
                facts.GallerySourceId, FailureCategory.InvalidArgument);
        }
    }
}
