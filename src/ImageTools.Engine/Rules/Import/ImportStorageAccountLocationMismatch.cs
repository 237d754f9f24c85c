using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Import
{
    /// <summary>A disk is imported only from a blob in its own region (ARM: "The source blob … does not belong to the same region as the disk.").</summary>
    internal sealed class ImportStorageAccountLocationMismatch : Rule<ImportFacts>
    {
        public override string Reads => "-Location; the storage account's location";

        public override Finding? Evaluate(ImportFacts facts)
        {
            var account = facts.StorageAccount;
            if (!facts.FromBlob || account == null || RegionNames.Normalize(account.Location) == RegionNames.Normalize(facts.Request.Location))
                return null;
            return Refuse($"Blob '{facts.Blob!.Url}' is in storage account '{account.Name}' in {account.Location}, not in {facts.Request.Location}: Azure imports a disk only from a blob in its own region " +
                    "(\"The source blob … does not belong to the same region as the disk.\").",
                $"Pass -Location {account.Location} (then copy the image to {facts.Request.Location} with Copy-CapturedImage), or copy the blob to a storage account in {facts.Request.Location} (azcopy copy) and import it from there.",
                facts.Blob.Url, FailureCategory.InvalidArgument);
        }
    }
}
