using System;
using System.Threading.Tasks;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Rules.Import;

namespace ImageTools.Engine.Operations.Import
{
    /// <summary>
    /// Import-Vhd -SourceUri: reads the storage account (ARM) and, when the URL carries a SAS or the
    /// container is public, the blob's properties, partition table and footer (ranged reads, never a
    /// write). A private blob without a SAS is left unread: Azure checks its footer when the disk is made.
    /// </summary>
    internal static class BlobImportReader
    {
        public static async Task<(BlobSource Blob, StorageAccountState? Account, BlobProbe Probe, VhdFile Vhd)> ReadAsync(
            OperationRun run, IDiskTransferGateway disks, ImportRequest request)
        {
            var blob = BlobSource.Parse(request.SourceUri ?? "");
            var timeout = run.Options.OperationTimeout;
            var accountId = ArmId.ParseOrNull(request.StorageAccountId);
            var account = accountId != null && accountId.IsType(StorageAccountType)
                ? await run.StepAsync($"reading storage account '{accountId.Name}'", timeout, ct => disks.GetStorageAccountAsync(accountId, ct)).ConfigureAwait(false)
                : null;
            var probe = new BlobProbe();
            if (account != null && blob.Problem(account.BlobEndpoint).Length == 0)
                probe = await run.StepAsync($"reading the properties, partition table and footer of blob '{blob.Url}'", timeout,
                    ct => disks.ProbeBlobAsync(blob.ReadUrl, ct)).ConfigureAwait(false);
            var vhd = VhdFile.FromBlob(blob.Url, probe);
            if (vhd.Exists)
                run.Sink.WriteVerbose($"Blob '{blob.Url}': {probe.BlobType}, {vhd.Length} bytes, " + (vhd.HasFooter
                    ? $"{vhd.DiskTypeName} VHD, virtual size {vhd.CurrentSize} bytes, footer checksum {(vhd.ChecksumValid ? "valid" : "invalid")}, " +
                      $"partitions {(vhd.PartitionStyle.Length > 0 ? vhd.PartitionStyle : "none")}{(vhd.InferredOsType.Length > 0 ? " (" + vhd.InferredOsType + ")" : "")}."
                    : "no VHD footer."));
            else if (account != null && !blob.HasSas && probe.Outcome.Length > 0)
                run.Sink.WriteVerbose($"Blob '{blob.Url}' was not read ({probe.Detail}: a private container needs a SAS): Azure checks its VHD footer when the disk is created. " +
                    "Pass -SourceUri with a read SAS to have it checked before.");
            return (blob, account, probe, vhd);
        }

        public const string StorageAccountType = "Microsoft.Storage/storageAccounts";

        /// <summary>The disk made from the blob: createOption Import from the URL without its SAS, marked finished at once (ARM copies the blob while it creates the disk).</summary>
        public static DiskCreateSpec Spec(ImportFacts facts, ImportRequest request)
        {
            var tags = ImportTags.For(facts);
            tags[ImportTags.Uploaded] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
            return new DiskCreateSpec
            {
                SubscriptionId = facts.DiskId.SubscriptionId,
                ResourceGroupName = facts.DiskId.ResourceGroupName,
                Name = facts.DiskId.Name,
                Location = request.Location.Trim(),
                CreateOption = "Import",
                SourceUri = facts.Blob!.Url,
                StorageAccountId = facts.StorageAccount!.Id.Id,
                OsType = facts.TargetOsType.Equals("Linux", StringComparison.OrdinalIgnoreCase) ? "Linux" : "Windows",
                HyperVGeneration = facts.TargetGeneration,
                SkuName = request.SkuName,
                Tags = tags,
            };
        }
    }
}
