namespace ImageTools.Engine.Requests
{
    /// <summary>Get-GalleryVersion: a definition's versions, or the ones named.</summary>
    public sealed class ListVersionsRequest : GalleryVersionsRequest
    {
    }
}
