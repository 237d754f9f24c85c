using System;
using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Copy
{
    /// <summary>An image made from a VHD blob (an unmanaged disk) keeps no managed disk or snapshot to copy through snapshots.</summary>
    internal sealed class CopySourceFromBlob : Rule<CopyFacts>
    {
        public override string Reads => "the source image's storageProfile: osDisk and dataDisks blobUri";

        public override Finding? Evaluate(CopyFacts facts)
        {
            var blobs = facts.Disks.Where(d => d.SourceIsBlob).ToList();
            if (!facts.SourceUsable || blobs.Count == 0)
                return null;
            return Refuse($"Managed image '{facts.Source!.Name}' was made from VHD blobs ({string.Join(", ", blobs.Select(d => d.Label + ": " + d.BlobUri))}); only images made from managed disks or snapshots are copied through snapshots.",
                "Make a managed disk from the blob (Import-Vhd from a local copy, or New-AzDiskConfig -CreateOption Import), capture an image from it (New-CapturedImage), and copy that image.",
                facts.Source.Id, FailureCategory.InvalidOperation);
        }
    }
}
