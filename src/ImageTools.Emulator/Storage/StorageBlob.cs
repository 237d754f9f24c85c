using System.Security.Cryptography;

namespace ImageTools.Emulator.Storage;

/// <summary>
/// A blob in an emulated storage account, as far as importing a VHD from it needs: its type and length,
/// its first bytes (the partition table) and last 512 bytes (the VHD footer), everything between reading
/// as zeros, whether its container allows anonymous reads, and the signature of its read SAS.
/// </summary>
internal sealed class StorageBlob
{
    public required string Container { get; init; }
    public required string Name { get; init; }
    /// <summary>PageBlob, BlockBlob or AppendBlob.</summary>
    public string BlobType { get; init; } = "PageBlob";
    public long Length { get; init; }
    public byte[] Head { get; init; } = new byte[512];
    public byte[] Footer { get; init; } = new byte[512];
    public bool PublicRead { get; init; }
    public string Signature { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The query string of a read SAS for this blob.</summary>
    public string Sas => $"sv=2022-11-02&sr=b&sp=r&se=2099-01-01T00%3A00%3A00Z&sig={Uri.EscapeDataString(Signature)}";

    public bool Readable(string? signature) => PublicRead || signature == Signature;

    /// <summary>The bytes of [start, end] (inclusive): the head and the footer where they fall, zeros elsewhere.</summary>
    public byte[] Read(long start, long end)
    {
        var bytes = new byte[end - start + 1];
        Copy(Head, 0, start, bytes);
        Copy(Footer, Length - 512, start, bytes);
        return bytes;
    }

    private static void Copy(byte[] source, long at, long start, byte[] into)
    {
        for (var i = 0; i < source.Length; i++)
        {
            var offset = at + i - start;
            if (offset >= 0 && offset < into.Length) into[offset] = source[i];
        }
    }
}
