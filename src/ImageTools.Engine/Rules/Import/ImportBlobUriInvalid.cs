using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Import
{
    /// <summary>-SourceUri is an https URL of a .vhd blob in a container of the storage account -StorageAccountId names (its primaryEndpoints.blob).</summary>
    internal sealed class ImportBlobUriInvalid : Rule<ImportFacts>
    {
        public override string Reads => "-SourceUri; the storage account's blob endpoint";

        public override Finding? Evaluate(ImportFacts facts)
        {
            if (!facts.FromBlob || facts.StorageAccount == null)
                return null;
            var problem = facts.Blob!.Problem(facts.StorageAccount.BlobEndpoint);
            if (problem.Length == 0)
                return null;
            return Refuse($"-SourceUri '{facts.Blob.Url}' is not a VHD blob of storage account '{facts.StorageAccount.Name}': {problem}.",
                $"Pass -SourceUri {facts.StorageAccount.BlobEndpoint}<container>/<name>.vhd (a page blob; add a read SAS to have its footer checked first), " +
                "or -StorageAccountId the account the blob is in.", facts.Blob.Url, FailureCategory.InvalidArgument);
        }
    }
}
