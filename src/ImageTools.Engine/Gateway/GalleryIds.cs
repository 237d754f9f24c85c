using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ImageTools.Engine.Gateway
{
    /// <summary>Ids of galleries and their children, built and read without the SDK.</summary>
    internal static class GalleryIds
    {
        public const string Galleries = "Microsoft.Compute/galleries";

        public static string Gallery(string subscriptionId, string resourceGroupName, string gallery) =>
            ArmId.Format(subscriptionId, resourceGroupName, Galleries, gallery);

        public static string Definition(string galleryId, string definition) => $"{galleryId}/images/{definition}";

        public static string Version(string definitionId, string version) => $"{definitionId}/versions/{version}";

        /// <summary>Reads /subscriptions/s/resourceGroups/g/providers/Microsoft.Compute/galleries/x/images/y/versions/z.</summary>
        public static bool TryParseVersion(string? id, out string subscriptionId, out string resourceGroupName, out string gallery, out string definition, out string version)
        {
            subscriptionId = resourceGroupName = gallery = definition = version = "";
            if (string.IsNullOrWhiteSpace(id))
                return false;
            var p = id!.Trim().Trim('/').Split('/');
            if (p.Length != 12 || !Is(p[0], "subscriptions") || !Is(p[2], "resourceGroups") || !Is(p[4], "providers") ||
                !Is(p[5], "Microsoft.Compute") || !Is(p[6], "galleries") || !Is(p[8], "images") || !Is(p[10], "versions") ||
                Array.Exists(p, s => s.Length == 0))
                return false;
            subscriptionId = p[1];
            resourceGroupName = p[3];
            gallery = p[7];
            definition = p[9];
            version = p[11];
            return true;
        }

        /// <summary>/subscriptions/s/resourceGroups/g/providers/Microsoft.Compute/galleries/x/images/y</summary>
        public static bool IsDefinitionId(string? id)
        {
            if (string.IsNullOrWhiteSpace(id))
                return false;
            var p = id!.Trim('/').Split('/');
            return p.Length == 10 && Is(p[6], "galleries") && Is(p[8], "images") && Is(p[5], "Microsoft.Compute");
        }

        public static bool IsGalleryVersionId(string? id) => TryParseVersion(id, out _, out _, out _, out _, out _);

        /// <summary>The definition id of a version id.</summary>
        public static string DefinitionOf(string versionId)
        {
            var trimmed = versionId.TrimEnd('/');
            var index = trimmed.LastIndexOf("/versions/", StringComparison.OrdinalIgnoreCase);
            return index < 0 ? trimmed : trimmed.Substring(0, index);
        }

        private static bool Is(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
    }
}
