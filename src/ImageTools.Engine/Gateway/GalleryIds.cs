namespace ImageTools.Engine.Gateway
{
    /// <summary>Ids of galleries and their children, built and recognised through <see cref="ArmId"/>.</summary>
    internal static class GalleryIds
    {
        public static ArmId Gallery(string subscriptionId, string resourceGroupName, string gallery) =>
            ArmId.Of(subscriptionId, resourceGroupName, ArmId.Galleries, gallery);

        public static ArmId Definition(ArmId galleryId, string definition) => galleryId.Child("images", definition);

        public static ArmId Version(ArmId definitionId, string version) => definitionId.Child("versions", version);

        /// <summary>A gallery image version id: .../galleries/x/images/y/versions/z.</summary>
        public static bool TryParseVersion(string? id, out ArmId versionId) =>
            ArmId.TryParse(id, out versionId) && versionId.IsType(ArmId.GalleryImageVersions);

        /// <summary>A gallery image definition id: .../galleries/x/images/y.</summary>
        public static bool TryParseDefinition(string? id, out ArmId definitionId) =>
            ArmId.TryParse(id, out definitionId) && definitionId.IsType(ArmId.GalleryImages);

        public static bool IsDefinitionId(string? id) => TryParseDefinition(id, out _);

        public static bool IsGalleryVersionId(string? id) => TryParseVersion(id, out _);
    }
}
