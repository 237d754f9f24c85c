namespace ImageTools.Engine.Gateway
{
    /// <summary>What reading a blob found: its properties and its first and last bytes, or why it could not be read.</summary>
    internal sealed class BlobProbe
    {
        public const string Read = "Read";
        public const string NotFound = "NotFound";
        public const string Denied = "Denied";

        public string Outcome { get; set; } = "";
        /// <summary>Storage's error code and message when the read failed.</summary>
        public string Detail { get; set; } = "";
        /// <summary>PageBlob, BlockBlob or AppendBlob.</summary>
        public string BlobType { get; set; } = "";
        public long Length { get; set; }
        /// <summary>The first bytes (up to 64 KiB before the footer): the partition table.</summary>
        public byte[] Head { get; set; } = new byte[0];
        /// <summary>The last 512 bytes (the VHD footer), empty when the blob is shorter.</summary>
        public byte[] Footer { get; set; } = new byte[0];

        public bool WasRead => Outcome == Read;
    }
}
