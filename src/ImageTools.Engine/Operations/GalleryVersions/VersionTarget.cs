using System;
using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Requests;

namespace ImageTools.Engine.Operations.GalleryVersions
{
    /// <summary>The definition and the version names a gallery version request names, resolved without a request.</summary>
    internal sealed class VersionTarget
    {
        private VersionTarget(ArmId definitionId, string[] versions)
        {
            DefinitionId = definitionId;
            Versions = versions;
        }

        public ArmId DefinitionId { get; }

        /// <summary>The versions named (by id or by name); empty: all of them.</summary>
        public string[] Versions { get; }

        public static VersionTarget Resolve(GalleryVersionsRequest request, string subscriptionId)
        {
            var named = (request.Versions ?? new string[0]).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim())
                .Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            if (!string.IsNullOrWhiteSpace(request.ResourceId))
            {
                var id = request.ResourceId!.Trim().TrimEnd('/');
                if (GalleryIds.TryParseVersion(id, out var versionId))
                    return new VersionTarget(versionId.Parent!, named.Length > 0 ? named : new[] { versionId.Name });
                if (GalleryIds.TryParseDefinition(id, out var definitionId))
                    return new VersionTarget(definitionId, named);
                throw new ImageToolsException(ArmId.TryParse(id, out _) || id.StartsWith("/subscriptions/", StringComparison.OrdinalIgnoreCase)
                        ? ErrorIds.UnsupportedSourceType : ErrorIds.InvalidResourceId,
                    $"'{id}' is not a gallery image definition or version id.",
                    "Pass a definition's or version's Id (as Publish-GalleryVersion, Get-AzGalleryImageDefinition or Get-AzGalleryImageVersion show it), " +
                    "or -ResourceGroupName, -GalleryName and -DefinitionName.", id, FailureCategory.InvalidArgument);
            }
            if (string.IsNullOrWhiteSpace(request.ResourceGroupName) || string.IsNullOrWhiteSpace(request.GalleryName) || string.IsNullOrWhiteSpace(request.DefinitionName))
                throw new ImageToolsException(ErrorIds.MissingResource,
                    "No image definition named: give -ResourceId, or -ResourceGroupName, -GalleryName and -DefinitionName.",
                    "Name the definition by id, by resource group, gallery and definition name, or pipe a definition or version in.",
                    null, FailureCategory.InvalidArgument);
            var gallery = GalleryIds.Gallery(subscriptionId, request.ResourceGroupName!.Trim(), request.GalleryName!.Trim());
            return new VersionTarget(GalleryIds.Definition(gallery, request.DefinitionName!.Trim()), named);
        }
    }
}
