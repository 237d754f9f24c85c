namespace ImageTools.Emulator.Storage;

/// <summary>The blobs of an emulated storage account, by "container/blob" (blob names are case-sensitive in Azure Storage).</summary>
internal sealed class StorageAccountRuntime
{
    public Dictionary<string, StorageBlob> Blobs { get; } = new(StringComparer.Ordinal);

    public StorageBlob? Find(string container, string blob) => Blobs.GetValueOrDefault(container + "/" + blob);
}
