namespace ImageTools.Engine.Operations
{
    /// <summary>What an image is made from or published from.</summary>
    internal enum SourceKind
    {
        ManagedImage,
        VirtualMachine,
        Snapshot,
        Disk,
        GalleryVersion,
    }
}
