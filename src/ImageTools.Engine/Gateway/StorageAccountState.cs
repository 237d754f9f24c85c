namespace ImageTools.Engine.Gateway
{
    /// <summary>A storage account as a disk import from one of its blobs reads it.</summary>
    internal sealed class StorageAccountState
    {
        public StorageAccountState(ArmId id, string location, string blobEndpoint)
        {
            Id = id;
            Location = location;
            BlobEndpoint = blobEndpoint;
        }

        public ArmId Id { get; }
        public string Name => Id.Name;
        public string Location { get; }

        /// <summary>primaryEndpoints.blob, e.g. https://contoso.blob.core.windows.net/ (empty when ARM gives none).</summary>
        public string BlobEndpoint { get; }
    }
}
