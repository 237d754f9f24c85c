using System;
using System.IO;
using System.Text;

namespace ImageTools.Engine.Operations.Import
{
    /// <summary>
    /// What a local VHD file says about itself, read without changing it: its 512-byte footer
    /// (cookie "conectix", disk type, current size, one's-complement checksum; Microsoft's Virtual
    /// Hard Disk Image Format Specification) and its partition table (MBR or GPT), from which the
    /// Hyper-V generation (GPT boots UEFI: V2) and the OS type (the partitions' types) are inferred.
    /// </summary>
    internal sealed class VhdFile
    {
        public const int FooterSize = 512;
        public const int FixedDisk = 2;
        public const int DynamicDisk = 3;
        public const int DifferencingDisk = 4;

        public string Path { get; private set; } = "";
        public bool Exists { get; private set; }
        /// <summary>Why the file could not be read (not found, a directory, access denied), empty when it could.</summary>
        public string ReadError { get; private set; } = "";
        public long Length { get; private set; }
        /// <summary>The footer carries the cookie "conectix".</summary>
        public bool HasFooter { get; private set; }
        /// <summary>The file starts with "vhdxfile": a VHDX, which Azure does not take.</summary>
        public bool IsVhdx { get; private set; }
        public int DiskType { get; private set; }
        /// <summary>The virtual size the footer states.</summary>
        public long CurrentSize { get; private set; }
        public bool ChecksumValid { get; private set; }
        /// <summary>GPT, MBR, or empty when the first sector holds no partition table.</summary>
        public string PartitionStyle { get; private set; } = "";
        /// <summary>Windows or Linux from the partitions' types; empty when they do not tell.</summary>
        public string InferredOsType { get; private set; } = "";

        /// <summary>V2 for a GPT disk (UEFI), V1 for an MBR disk (BIOS); empty without a partition table.</summary>
        public string InferredGeneration => PartitionStyle == "GPT" ? "V2" : PartitionStyle == "MBR" ? "V1" : "";

        /// <summary>The size of the data before the footer, which Azure makes the disk's size.</summary>
        public long DataSize => Math.Max(0, Length - FooterSize);

        public string DiskTypeName => DiskType switch
        {
            FixedDisk => "fixed",
            DynamicDisk => "dynamic",
            DifferencingDisk => "differencing",
            _ => $"unknown ({DiskType})",
        };

        public static VhdFile Read(string path)
        {
            var vhd = new VhdFile { Path = path };
            try
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.RandomAccess);
                vhd.Exists = true;
                vhd.Length = stream.Length;
                var head = ReadAt(stream, 0, 8);
                vhd.IsVhdx = Encoding.ASCII.GetString(head) == "vhdxfile";
                if (vhd.Length >= FooterSize)
                    vhd.ReadFooter(ReadAt(stream, vhd.Length - FooterSize, FooterSize));
                if (vhd.HasFooter && vhd.DiskType == FixedDisk)
                    vhd.ReadPartitions(stream);
            }
            catch (FileNotFoundException)
            {
                vhd.ReadError = "the file does not exist";
            }
            catch (DirectoryNotFoundException)
            {
                vhd.ReadError = "its folder does not exist";
            }
            catch (UnauthorizedAccessException)
            {
                vhd.ReadError = Directory.Exists(path) ? "it is a folder, not a file" : "access to it is denied";
            }
            catch (IOException e)
            {
                vhd.ReadError = e.Message;
            }
            return vhd;
        }

        /// <summary>
        /// A VHD in a blob, from what <see cref="Gateway.BlobProbe"/> read: its length, its first bytes (the
        /// partition table) and its footer. A blob that was not read is one whose footer is unknown
        /// (<see cref="Exists"/> false).
        /// </summary>
        public static VhdFile FromBlob(string url, Gateway.BlobProbe probe)
        {
            var vhd = new VhdFile { Path = url };
            if (!probe.WasRead)
                return vhd;
            vhd.Exists = true;
            vhd.Length = probe.Length;
            if (probe.Footer.Length == FooterSize)
                vhd.ReadFooter(probe.Footer);
            vhd.IsVhdx = probe.Head.Length >= 8 && Encoding.ASCII.GetString(probe.Head, 0, 8) == "vhdxfile";
            if (vhd.HasFooter && vhd.DiskType == FixedDisk && probe.Head.Length >= 1024)
            {
                using var head = new MemoryStream(probe.Head, writable: false);
                vhd.ReadPartitions(head);
            }
            return vhd;
        }

        private void ReadFooter(byte[] footer)
        {
            HasFooter = Encoding.ASCII.GetString(footer, 0, 8) == "conectix";
            if (!HasFooter)
                return;
            CurrentSize = (long)BigEndian(footer, 48, 8);
            DiskType = (int)BigEndian(footer, 60, 4);
            ChecksumValid = (uint)BigEndian(footer, 64, 4) == Checksum(footer);
        }

        /// <summary>The footer's checksum: the one's complement of the sum of its bytes, the checksum field left out.</summary>
        public static uint Checksum(byte[] footer)
        {
            uint sum = 0;
            for (var i = 0; i < FooterSize; i++)
                if (i < 64 || i > 67)
                    sum += footer[i];
            return ~sum;
        }

        private void ReadPartitions(Stream stream)
        {
            if (DataSize < 1024)
                return;
            var mbr = ReadAt(stream, 0, 512);
            if (mbr[510] != 0x55 || mbr[511] != 0xAA)
                return;
            var types = new byte[4];
            for (var i = 0; i < 4; i++)
                types[i] = mbr[446 + 16 * i + 4];
            if (Array.IndexOf(types, (byte)0xEE) >= 0)
            {
                PartitionStyle = "GPT";
                InferredOsType = GptOsType(stream);
                return;
            }
            if (Array.TrueForAll(types, t => t == 0))
                return;
            PartitionStyle = "MBR";
            InferredOsType = PartitionTypes.OfMbr(types);
        }

        private string GptOsType(Stream stream)
        {
            var header = ReadAt(stream, 512, 92);
            if (Encoding.ASCII.GetString(header, 0, 8) != "EFI PART")
                return "";
            var entriesAt = (long)LittleEndian(header, 72, 8) * 512;
            var count = (int)Math.Min(LittleEndian(header, 80, 4), 256);
            var size = (int)LittleEndian(header, 84, 4);
            if (size < 16 || size > 4096 || entriesAt <= 0 || entriesAt + (long)count * size > DataSize)
                return "";
            var entries = ReadAt(stream, entriesAt, count * size);
            var guids = new Guid[count];
            for (var i = 0; i < count; i++)
            {
                var bytes = new byte[16];
                Buffer.BlockCopy(entries, i * size, bytes, 0, 16);
                guids[i] = new Guid(bytes);
            }
            return PartitionTypes.OfGpt(guids);
        }

        private static byte[] ReadAt(Stream stream, long offset, int count)
        {
            var buffer = new byte[count];
            stream.Position = offset;
            var read = 0;
            while (read < count)
            {
                var n = stream.Read(buffer, read, count - read);
                if (n == 0)
                    break;
                read += n;
            }
            return buffer;
        }

        private static ulong BigEndian(byte[] bytes, int offset, int count)
        {
            ulong value = 0;
            for (var i = 0; i < count; i++)
                value = (value << 8) | bytes[offset + i];
            return value;
        }

        private static ulong LittleEndian(byte[] bytes, int offset, int count)
        {
            ulong value = 0;
            for (var i = count - 1; i >= 0; i--)
                value = (value << 8) | bytes[offset + i];
            return value;
        }
    }
}
