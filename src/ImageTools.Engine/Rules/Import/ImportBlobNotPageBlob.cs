using System;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Import
{
    /// <summary>Azure imports disks from page blobs only (a VHD uploaded as a block blob is refused: "Only blobs formatted as VHDs can be imported.").</summary>
    internal sealed class ImportBlobNotPageBlob : Rule<ImportFacts>
    {
        public override string Reads => "the blob's type (x-ms-blob-type)";

        public override Finding? Evaluate(ImportFacts facts)
        {
            var probe = facts.Probe;
            if (!facts.FromBlob || probe == null || !probe.WasRead || probe.BlobType.Equals("PageBlob", StringComparison.OrdinalIgnoreCase))
                return null;
            return Refuse($"Blob '{facts.Blob!.Url}' is a {probe.BlobType}; Azure imports disks from page blobs only (\"Only blobs formatted as VHDs can be imported.\").",
                $"Copy it as a page blob, then import the copy: azcopy copy '{facts.Blob.Url}?<SAS>' '{facts.Blob.Url.Substring(0, facts.Blob.Url.Length - 4)}-page.vhd?<SAS>' --blob-type PageBlob.",
                facts.Blob.Url, FailureCategory.InvalidArgument);
        }
    }
}
