namespace ImageTools.Engine.Gateway
{
    /// <summary>One data disk of an existing image: its LUN and what it was made from.</summary>
    internal sealed class ImageDataDiskState
    {
        public int Lun { get; set; }
        /// <summary>The managed disk or snapshot id; null for a blob.</summary>
        public ArmId? SourceId { get; set; }
        public bool IsSnapshot { get; set; }
        /// <summary>The VHD blob it was made from, empty otherwise.</summary>
        public string BlobUri { get; set; } = "";
    }
}
