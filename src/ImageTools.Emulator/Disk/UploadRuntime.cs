using System.Buffers.Binary;
using System.Security.Cryptography;

namespace ImageTools.Emulator.Disk;

/// <summary>
/// What a disk's SAS URL has taken: the written page ranges, a byte count and the last 512 bytes (the VHD
/// footer). The data itself is not kept: nothing ImageTools does reads it back, and uploads can be large.
/// </summary>
internal sealed class UploadRuntime
{
    /// <summary>20 MiB + 512 bytes for the VHD footer (the 2023-04-02 spec's description of uploadSizeBytes).</summary>
    public const long MinBytes = 20L * 1024 * 1024 + 512;
    /// <summary>32 TiB + 512 bytes for the VHD footer.</summary>
    public const long MaxBytes = 32L * 1024 * 1024 * 1024 * 1024 + 512;
    /// <summary>Largest body of one Put Page (Azure Storage: 4 MiB).</summary>
    public const int MaxPageWrite = 4 * 1024 * 1024;
    /// <summary>Key in <see cref="State.ArmResource.Extra"/> of a disk whose uploaded footer is not a fixed VHD's.</summary>
    public const string FooterProblemKey = "vhdFooterProblem";

    public required long SizeBytes { get; init; }
    /// <summary>A read SAS on a disk that was not uploaded: page lists and properties only.</summary>
    public bool ReadOnly { get; init; }
    public string? Signature { get; private set; }
    public bool WriteAccess { get; private set; }
    public DateTimeOffset Expiry { get; private set; }
    public long WriteCount { get; private set; }
    /// <summary>Written ranges, inclusive, sorted and merged.</summary>
    public List<(long Start, long End)> Ranges { get; } = new();
    public byte[] Footer { get; } = new byte[512];
    public long FooterOffset => SizeBytes - 512;

    /// <summary>A new SAS (query string) replacing any previous one.</summary>
    public string Grant(bool write, DateTimeOffset expiry)
    {
        Signature = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        WriteAccess = write;
        Expiry = expiry;
        return $"sv=2018-03-28&sr=b&si={Guid.NewGuid()}&sp={(write ? "rw" : "r")}&se={Uri.EscapeDataString(expiry.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"))}&sig={Uri.EscapeDataString(Signature)}";
    }

    public void Revoke() => Signature = null;

    public bool Accepts(string? signature, DateTimeOffset now) => Signature is not null && signature == Signature && now < Expiry;

    /// <summary>Records a page write (update) or clear of [start, end]; both aligned to 512 by the caller.</summary>
    public void Write(long start, long end, ReadOnlySpan<byte> data, bool clear)
    {
        WriteCount++;
        if (start <= FooterOffset && end >= SizeBytes - 1)
        {
            if (clear) Array.Clear(Footer);
            else data.Slice((int)(FooterOffset - start), 512).CopyTo(Footer);
        }
        if (clear) Remove(start, end); else Add(start, end);
    }

    public long BytesWritten => Ranges.Sum(r => r.End - r.Start + 1);

    private void Add(long start, long end)
    {
        Ranges.Add((start, end));
        Ranges.Sort();
        var merged = new List<(long, long)>();
        foreach (var (s, e) in Ranges)
        {
            if (merged.Count > 0 && s <= merged[^1].Item2 + 1) merged[^1] = (merged[^1].Item1, Math.Max(merged[^1].Item2, e));
            else merged.Add((s, e));
        }
        Ranges.Clear();
        Ranges.AddRange(merged);
    }

    private void Remove(long start, long end)
    {
        var kept = new List<(long, long)>();
        foreach (var (s, e) in Ranges)
        {
            if (e < start || s > end) { kept.Add((s, e)); continue; }
            if (s < start) kept.Add((s, start - 1));
            if (e > end) kept.Add((end + 1, e));
        }
        Ranges.Clear();
        Ranges.AddRange(kept);
    }

    /// <summary>
    /// Null when the last 512 bytes are a fixed VHD footer for this size (cookie "conectix", disk type 2,
    /// current size = upload size - 512, one's-complement checksum), else what is wrong with them.
    /// </summary>
    public string? FooterProblem()
    {
        if (!Ranges.Any(r => r.Start <= FooterOffset && r.End >= SizeBytes - 1)) return "the VHD footer (the last 512 bytes) was never written";
        var f = Footer.AsSpan();
        if (!f[..8].SequenceEqual("conectix"u8)) return "the last 512 bytes are not a VHD footer (no 'conectix' cookie)";
        if (BinaryPrimitives.ReadUInt32BigEndian(f[60..]) != 2) return "the VHD is not a fixed-size VHD (disk type is not 2)";
        if (BinaryPrimitives.ReadInt64BigEndian(f[48..]) != SizeBytes - 512) return $"the VHD footer's current size is not {SizeBytes - 512}";
        uint sum = 0;
        for (var i = 0; i < 512; i++) if (i is < 64 or > 67) sum += f[i];
        if (BinaryPrimitives.ReadUInt32BigEndian(f[64..]) != ~sum) return "the VHD footer's checksum is wrong";
        return null;
    }

    /// <summary>A valid fixed VHD footer for a disk of <paramref name="virtualSize"/> bytes (tests, tools).</summary>
    public static byte[] FixedVhdFooter(long virtualSize)
    {
        var f = new byte[512];
        "conectix"u8.CopyTo(f);
        BinaryPrimitives.WriteUInt32BigEndian(f.AsSpan(8), 2);            // features
        BinaryPrimitives.WriteUInt32BigEndian(f.AsSpan(12), 0x00010000);  // format version
        BinaryPrimitives.WriteInt64BigEndian(f.AsSpan(16), -1);           // data offset (fixed: none)
        BinaryPrimitives.WriteInt64BigEndian(f.AsSpan(40), virtualSize);  // original size
        BinaryPrimitives.WriteInt64BigEndian(f.AsSpan(48), virtualSize);  // current size
        BinaryPrimitives.WriteUInt32BigEndian(f.AsSpan(60), 2);           // disk type: fixed
        uint sum = 0;
        foreach (var b in f) sum += b;
        BinaryPrimitives.WriteUInt32BigEndian(f.AsSpan(64), ~sum);
        return f;
    }
}
