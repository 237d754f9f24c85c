using ImageTools.Engine.Requests;

namespace ImageTools.Hosting
{
    /// <summary>Copies what a gallery version cmdlet was given into its engine request.</summary>
    internal static class VersionRequestBinding
    {
        public static T Bind<T>(this T request, bool byId, string resourceId, string resourceGroupName, string galleryName, string definitionName,
            string[] versions, string? subscriptionId) where T : GalleryVersionsRequest
        {
            request.SubscriptionId = subscriptionId;
            request.ResourceId = byId ? resourceId : null;
            request.ResourceGroupName = byId ? null : resourceGroupName;
            request.GalleryName = byId ? null : galleryName;
            request.DefinitionName = byId ? null : definitionName;
            request.Versions = versions;
            return request;
        }
    }
}
