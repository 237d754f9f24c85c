using System.Collections.Generic;

namespace ImageTools.Engine.Gateway
{
    /// <summary>A managed disk to create: Upload (UploadSizeBytes), Import (SourceUri, StorageAccountId) or Copy (SourceResourceId).</summary>
    internal sealed class DiskCreateSpec
    {
        public string SubscriptionId { get; set; } = "";
        public string ResourceGroupName { get; set; } = "";
        public string Name { get; set; } = "";
        public string Location { get; set; } = "";
        /// <summary>Upload, Import or Copy.</summary>
        public string CreateOption { get; set; } = "Upload";
        public long UploadSizeBytes { get; set; }
        public string SourceUri { get; set; } = "";
        public string StorageAccountId { get; set; } = "";
        public ArmId? SourceResourceId { get; set; }
        public string OsType { get; set; } = "";
        public string HyperVGeneration { get; set; } = "";
        public string SkuName { get; set; } = "Standard_LRS";
        public Dictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();

        public ArmId Id => ArmId.Of(SubscriptionId, ResourceGroupName, ArmId.Disks, Name);
    }
}
