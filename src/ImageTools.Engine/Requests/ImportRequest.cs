using System.Collections.Generic;

namespace ImageTools.Engine.Requests
{
    /// <summary>Import-Vhd: a local fixed-size VHD uploaded into a new managed disk, or a VHD blob of a storage account imported into one.</summary>
    public sealed class ImportRequest : OperationRequest
    {
        /// <summary>The VHD file (full path); empty when importing from <see cref="SourceUri"/>.</summary>
        public string Path { get; set; } = "";

        /// <summary>A blob already in a storage account (https://{account}.blob.core.windows.net/{container}/{blob}.vhd, a read SAS optional) instead of <see cref="Path"/>.</summary>
        public string? SourceUri { get; set; }

        /// <summary>The resource id of the storage account that holds <see cref="SourceUri"/>.</summary>
        public string? StorageAccountId { get; set; }

        public string ResourceGroupName { get; set; } = "";

        /// <summary>The disk's name; defaults to the file's name without its extension.</summary>
        public string? DiskName { get; set; }

        public string Location { get; set; } = "";

        /// <summary>Windows or Linux; inferred from the partitions when not given.</summary>
        public string? OsType { get; set; }

        /// <summary>V1 or V2; inferred from the partition table (GPT: V2, MBR: V1) when not given.</summary>
        public string? HyperVGeneration { get; set; }

        /// <summary>Generalized or Specialized: what was done in the guest before the VHD was made. Required.</summary>
        public string? OsState { get; set; }

        /// <summary>Standard_LRS (default), StandardSSD_LRS, Premium_LRS...</summary>
        public string SkuName { get; set; } = "Standard_LRS";

        public Dictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();
    }
}
