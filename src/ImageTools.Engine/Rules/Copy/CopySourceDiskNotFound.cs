using System;
using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Copy
{
    /// <summary>The image's disks are copied through snapshots of the disks or snapshots it was made from; a source that was deleted cannot be copied.</summary>
    internal sealed class CopySourceDiskNotFound : Rule<CopyFacts>
    {
        public override string Reads => "GET of each managed disk or snapshot the source image was made from";

        public override Finding? Evaluate(CopyFacts facts)
        {
            var missing = facts.MissingSources.ToList();
            if (!facts.SourceUsable || missing.Count == 0)
                return null;
            return Refuse($"Managed image '{facts.Source!.Name}' cannot be copied: the disk or snapshot its {string.Join(" and ", missing.Select(d => d.Label))} was made from no longer exists ({string.Join(", ", missing.Select(d => d.SourceId))}). ARM offers no copy of an image's own storage.",
                $"Publish the image to a gallery replicated to the target region instead (Publish-GalleryVersion -ResourceId {facts.Source.Id} -GalleryName <gallery> -DefinitionName <definition> -TargetRegion {facts.TargetLocation}), or deploy a VM from it, generalize it and capture it again.",
                facts.Source.Id, FailureCategory.ObjectNotFound);
        }
    }
}
