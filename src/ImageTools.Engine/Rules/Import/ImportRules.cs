using System.Collections.Generic;

namespace ImageTools.Engine.Rules.Import
{
    /// <summary>Import-Vhd's catalogue, in the order findings are reported.</summary>
    internal static class ImportRules
    {
        public static readonly IReadOnlyList<Rule<ImportFacts>> All = new Rule<ImportFacts>[]
        {
            new VhdFileUnreadable(),
            new ImportStorageAccountNotFound(),
            new ImportBlobUriInvalid(),
            new ImportStorageAccountLocationMismatch(),
            new ImportBlobNotFound(),
            new ImportBlobAccessDenied(),
            new ImportBlobNotPageBlob(),
            new VhdNotVhd(),
            new VhdNotFixed(),
            new VhdFooterChecksumInvalid(),
            new VhdSizeMismatch(),
            new VhdSizeNotWholeMiB(),
            new VhdSizeOutOfRange(),
            new ImportDiskNameInvalid(),
            new ImportResourceGroupNotFound(),
            new VhdAlreadyImported(),
            new ImportDiskExists(),
            new ImportOsStateRequired(),
            new ImportOsTypeRequired(),
            new ImportHyperVGenerationRequired(),
            new ImportHyperVGenerationMismatch(),
            new ImportOsTypeMismatch(),
        };
    }
}
