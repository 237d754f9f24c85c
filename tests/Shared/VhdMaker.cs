using System.Text;

namespace ImageTools.Tests.Shared;

/// <summary>
/// Makes VHD files the way Hyper-V and qemu-img lay them out, for the import tests: a fixed VHD is a
/// sparse file of the virtual size (a partition table and a few data runs written into it) followed by
/// its 512-byte footer with a correct checksum; a dynamic VHD is its header copy, a dynamic-disk header
/// and the footer (disk type 3).
/// </summary>
public static class VhdMaker
{
    public const long MiB = 1024 * 1024;

    /// <summary>Where the test writes data (non-zero pages) into a fixed VHD: 1 MiB at 1 MiB, 64 KiB in the last MiB.</summary>
    public static readonly (long Offset, int Length)[] DataRuns = { (MiB, (int)MiB), (-MiB, 64 * 1024) };

    /// <summary>A fixed VHD: partition style "mbr-linux", "mbr-windows", "gpt-windows", "gpt-linux" or "none".</summary>
    public static string Fixed(string path, long virtualSize, string partitions = "mbr-linux", bool badChecksum = false, long? statedSize = null)
    {
        using (var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite))
        {
            file.SetLength(virtualSize + 512);
            WritePartitions(file, partitions);
            foreach (var (offset, length) in DataRuns)
            {
                var at = offset < 0 ? virtualSize + offset : offset;
                var data = new byte[length];
                for (var i = 0; i < length; i++)
                    data[i] = (byte)(1 + i % 251);
                file.Position = at;
                file.Write(data);
            }
            file.Position = virtualSize;
            file.Write(Footer(statedSize ?? virtualSize, 2, badChecksum));
        }
        return path;
    }

    /// <summary>A dynamic VHD (disk type 3) of the given virtual size: footer copy, dynamic header, footer.</summary>
    public static string Dynamic(string path, long virtualSize, int diskType = 3)
    {
        var footer = Footer(virtualSize, diskType, false);
        using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite);
        file.Write(footer);
        var header = new byte[1024];
        Encoding.ASCII.GetBytes("cxsparse").CopyTo(header, 0);
        file.Write(header);
        file.Write(new byte[4096]);
        file.Write(footer);
        return path;
    }

    /// <summary>The 512-byte footer: cookie, features, version, data offset, time, creator, sizes, geometry, type, checksum, unique id.</summary>
    /// <summary>What a blob holding this file is placed with in the emulator: its length, first 64 KiB (the partition table) and last 512 bytes.</summary>
    public static (long Length, byte[] Head, byte[] Footer) BlobParts(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read);
        var head = new byte[Math.Max(512, Math.Min(64 * 1024, file.Length - 512))];
        file.ReadExactly(head, 0, (int)Math.Min(head.Length, file.Length));
        var footer = new byte[512];
        file.Position = file.Length - 512;
        file.ReadExactly(footer);
        return (file.Length, head, footer);
    }

    public static byte[] Footer(long currentSize, int diskType, bool badChecksum)
    {
        var f = new byte[512];
        Encoding.ASCII.GetBytes("conectix").CopyTo(f, 0);
        Put(f, 8, 0x00000002, 4);
        Put(f, 12, 0x00010000, 4);
        Put(f, 16, diskType == 2 ? unchecked((long)0xFFFFFFFFFFFFFFFF) : 512, 8);
        Encoding.ASCII.GetBytes("test").CopyTo(f, 28);
        Put(f, 32, 0x000A0000, 4);
        Encoding.ASCII.GetBytes("Wi2k").CopyTo(f, 36);
        Put(f, 40, currentSize, 8);
        Put(f, 48, currentSize, 8);
        Put(f, 56, 0x41A04011, 4);
        Put(f, 60, diskType, 4);
        Guid.NewGuid().ToByteArray().CopyTo(f, 68);
        uint sum = 0;
        foreach (var b in f)
            sum += b;
        Put(f, 64, badChecksum ? ~sum + 1 : ~sum, 4);
        return f;
    }

    private static void WritePartitions(FileStream file, string style)
    {
        if (style == "none")
            return;
        var mbr = new byte[512];
        mbr[510] = 0x55;
        mbr[511] = 0xAA;
        var gpt = style.StartsWith("gpt", StringComparison.Ordinal);
        mbr[446 + 4] = gpt ? (byte)0xEE : style == "mbr-windows" ? (byte)0x07 : (byte)0x83;
        file.Position = 0;
        file.Write(mbr);
        if (!gpt)
            return;
        var header = new byte[92];
        Encoding.ASCII.GetBytes("EFI PART").CopyTo(header, 0);
        PutLe(header, 72, 2, 8);
        PutLe(header, 80, 128, 4);
        PutLe(header, 84, 128, 4);
        file.Position = 512;
        file.Write(header);
        var type = style == "gpt-windows" ? new Guid("EBD0A0A2-B9E5-4433-87C0-68B6B72699C7") : new Guid("0FC63DAF-8483-4772-8E79-3D69D8477DE4");
        file.Position = 1024;
        file.Write(type.ToByteArray());
    }

    private static void Put(byte[] bytes, int offset, long value, int count)
    {
        for (var i = count - 1; i >= 0; i--, value >>= 8)
            bytes[offset + i] = (byte)value;
    }

    private static void PutLe(byte[] bytes, int offset, long value, int count)
    {
        for (var i = 0; i < count; i++, value >>= 8)
            bytes[offset + i] = (byte)value;
    }
}
