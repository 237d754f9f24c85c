using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Import
{
    /// <summary>The SAS given with -SourceUri does not let the blob be read (expired, revoked, no read permission: Storage 403).</summary>
    internal sealed class ImportBlobAccessDenied : Rule<ImportFacts>
    {
        public override string Reads => "the blob (Get Blob Properties with the given SAS)";

        public override Finding? Evaluate(ImportFacts facts)
        {
            if (!facts.BlobReadExpected || facts.Probe?.Outcome != BlobProbe.Denied)
                return null;
            return Refuse($"The SAS given with -SourceUri does not let blob '{facts.Blob!.Url}' be read ({facts.Probe.Detail}): it has expired, was revoked or lacks read permission.",
                "Make a new read SAS (New-AzStorageBlobSASToken -Permission r -ExpiryTime (Get-Date).AddHours(1) -FullUri) and pass it as -SourceUri, " +
                "or pass the URL without a SAS to leave the footer check to Azure.", facts.Blob.Url, FailureCategory.PermissionDenied);
        }
    }
}
