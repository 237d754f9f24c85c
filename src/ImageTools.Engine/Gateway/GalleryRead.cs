namespace ImageTools.Engine.Gateway
{
    /// <summary>
    /// One GET of a gallery: the gallery, or why it is missing. ARM answers a resource in a group that does not
    /// exist with 404 ResourceGroupNotFound (not ResourceNotFound), so the same read says whether the group exists.
    /// </summary>
    internal sealed class GalleryRead
    {
        public GalleryRead(GalleryState? gallery, bool groupExists)
        {
            Gallery = gallery;
            GroupExists = groupExists;
        }

        /// <summary>The gallery; null when missing.</summary>
        public GalleryState? Gallery { get; }

        /// <summary>False when ARM answered ResourceGroupNotFound.</summary>
        public bool GroupExists { get; }
    }
}
