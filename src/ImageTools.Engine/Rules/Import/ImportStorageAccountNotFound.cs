using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Import
{
    /// <summary>-StorageAccountId names a storage account that exists and can be read (ARM: ResourceNotFound when the disk is created).</summary>
    internal sealed class ImportStorageAccountNotFound : Rule<ImportFacts>
    {
        public override string Reads => "-StorageAccountId: the storage account";

        public override Finding? Evaluate(ImportFacts facts)
        {
            if (!facts.FromBlob || facts.StorageAccount != null)
                return null;
            var given = facts.Request.StorageAccountId ?? "";
            var valid = Gateway.ArmId.ParseOrNull(given) is Gateway.ArmId id && id.IsType(Operations.Import.BlobImportReader.StorageAccountType);
            return Refuse(valid
                    ? $"Storage account '{given}' does not exist, or this sign-in cannot read it."
                    : $"-StorageAccountId '{given}' is not the resource id of a storage account (/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Storage/storageAccounts/<name>).",
                "Pass -StorageAccountId the id of the account that holds the blob: (Get-AzStorageAccount -ResourceGroupName <group> -Name <account>).Id; the sign-in needs Reader on it.",
                given, valid ? FailureCategory.ObjectNotFound : FailureCategory.InvalidArgument);
        }
    }
}
