using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Import
{
    /// <summary>A blob read with the SAS the caller gave does not exist (Storage: 404 BlobNotFound).</summary>
    internal sealed class ImportBlobNotFound : Rule<ImportFacts>
    {
        public override string Reads => "the blob (Get Blob Properties with the given SAS)";

        public override Finding? Evaluate(ImportFacts facts)
        {
            if (!facts.BlobReadExpected || facts.Probe?.Outcome != BlobProbe.NotFound)
                return null;
            return Refuse($"Blob '{facts.Blob!.Url}' does not exist in storage account '{facts.StorageAccount!.Name}' ({facts.Probe.Detail}).",
                $"Check the container and blob name: Get-AzStorageBlob -Container '{facts.Blob.ContainerOf(facts.StorageAccount.BlobEndpoint)}' -Context (Get-AzStorageAccount -ResourceGroupName {facts.StorageAccount.Id.ResourceGroupName} -Name {facts.StorageAccount.Name}).Context.",
                facts.Blob.Url, FailureCategory.ObjectNotFound);
        }
    }
}
