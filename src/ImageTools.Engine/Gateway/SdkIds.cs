using Azure.Core;

namespace ImageTools.Engine.Gateway
{
    /// <summary>The one conversion between <see cref="ArmId"/> and the SDK's ResourceIdentifier, both ways.</summary>
    internal static class SdkIds
    {
        public static ResourceIdentifier ToSdk(ArmId id) => new ResourceIdentifier(id.Id);

        /// <summary>An id the SDK read from Azure; Azure always sends one on a resource it returns.</summary>
        public static ArmId FromSdk(ResourceIdentifier? id) => ArmId.Parse(id?.ToString() ?? "");

        public static ArmId? FromSdkOrNull(ResourceIdentifier? id) => ArmId.ParseOrNull(id?.ToString());
    }
}
