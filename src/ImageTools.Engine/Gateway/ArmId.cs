using System;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Requests;

namespace ImageTools.Engine.Gateway
{
    /// <summary>
    /// A resource id, /subscriptions/{s}/resourceGroups/{rg}/providers/{ns}/{type}/{name}[/{type}/{name}...],
    /// top-level or nested (a gallery's image definition, its versions). Ids travel through the
    /// engine in this form from the request to the gateway; only a gateway turns one into the
    /// SDK's ResourceIdentifier. This is the one place an id string is taken apart.
    /// </summary>
    internal sealed class ArmId : IEquatable<ArmId>
    {
        public const string VirtualMachines = "Microsoft.Compute/virtualMachines";
        public const string Images = "Microsoft.Compute/images";
        public const string Snapshots = "Microsoft.Compute/snapshots";
        public const string Disks = "Microsoft.Compute/disks";
        public const string Galleries = "Microsoft.Compute/galleries";
        public const string GalleryImages = "Microsoft.Compute/galleries/images";
        public const string GalleryImageVersions = "Microsoft.Compute/galleries/images/versions";
        public const string VirtualNetworks = "Microsoft.Network/virtualNetworks";
        public const string NetworkInterfaces = "Microsoft.Network/networkInterfaces";
        public const string PublicIpAddresses = "Microsoft.Network/publicIPAddresses";

        private readonly string _id;

        private ArmId(string subscriptionId, string resourceGroupName, string type, string name, ArmId? parent)
        {
            SubscriptionId = subscriptionId;
            ResourceGroupName = resourceGroupName;
            Type = type;
            Name = name;
            Parent = parent;
            var lastType = type.Substring(type.LastIndexOf('/') + 1);
            _id = parent == null
                ? $"/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/{type}/{name}"
                : $"{parent._id}/{lastType}/{name}";
        }

        public string SubscriptionId { get; }
        public string ResourceGroupName { get; }
        /// <summary>The full type, e.g. Microsoft.Compute/virtualMachines or Microsoft.Compute/galleries/images/versions.</summary>
        public string Type { get; }
        public string Name { get; }
        /// <summary>The resource this one is nested in (a version's definition, a definition's gallery); null at top level.</summary>
        public ArmId? Parent { get; }

        public string Id => _id;

        public bool IsType(string type) => string.Equals(Type, type, StringComparison.OrdinalIgnoreCase);

        /// <summary>A resource nested in this one: <c>gallery.Child("images", "web")</c>.</summary>
        public ArmId Child(string childType, string name) =>
            new ArmId(SubscriptionId, ResourceGroupName, Type + "/" + childType, name, this);

        /// <summary>This id names the same resource as <paramref name="id"/> (ARM ids compare without case).</summary>
        public bool Is(string? id) => SameId(_id, id);

        public override string ToString() => _id;

        public bool Equals(ArmId? other) => other != null && SameId(_id, other._id);

        public override bool Equals(object? obj) => Equals(obj as ArmId);

        public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(_id);

        public static string Format(string subscriptionId, string resourceGroupName, string type, string name) =>
            Of(subscriptionId, resourceGroupName, type, name).Id;

        public static ArmId Of(string subscriptionId, string resourceGroupName, string type, string name) =>
            new ArmId(subscriptionId, resourceGroupName, type, name, null);

        public static bool TryParse(string? id, out ArmId result)
        {
            result = null!;
            if (string.IsNullOrWhiteSpace(id))
                return false;
            var parts = id!.Trim().Trim('/').Split('/');
            if (parts.Length < 8 || parts.Length % 2 != 0 ||
                !parts[0].Equals("subscriptions", StringComparison.OrdinalIgnoreCase) ||
                !parts[2].Equals("resourceGroups", StringComparison.OrdinalIgnoreCase) ||
                !parts[4].Equals("providers", StringComparison.OrdinalIgnoreCase) ||
                Array.Exists(parts, p => p.Length == 0 || p.Trim() != p))
                return false;
            var type = parts[5] + "/" + parts[6];
            var current = new ArmId(parts[1], parts[3], type, parts[7], null);
            for (var i = 8; i < parts.Length; i += 2)
                current = current.Child(parts[i], parts[i + 1]);
            result = current;
            return true;
        }

        /// <summary>An id that came from Azure itself (a resource's own id, a reference in its body).</summary>
        public static ArmId Parse(string id) =>
            TryParse(id, out var parsed) ? parsed : throw new FormatException($"'{id}' is not an Azure resource id.");

        /// <summary>An id from Azure that may be absent: null for an empty or unreadable one.</summary>
        public static ArmId? ParseOrNull(string? id) => TryParse(id, out var parsed) ? parsed : null;

        /// <summary>
        /// The id a request names: its ResourceId as given (the id's own subscription wins), or
        /// its resource group and name in the request's subscription.
        /// </summary>
        public static ArmId Resolve(ResourceReference reference, string subscriptionId, string defaultType, params string[] allowedTypes)
        {
            if (!string.IsNullOrWhiteSpace(reference.ResourceId))
            {
                if (!TryParse(reference.ResourceId, out var parsed))
                    throw new ImageToolsException(ErrorIds.InvalidResourceId,
                        $"'{reference.ResourceId}' is not a resource id of the form /subscriptions/<id>/resourceGroups/<group>/providers/<namespace>/<type>/<name>.",
                        "Pass the resource's full Id (as Get-AzVM, Get-AzSnapshot or Get-AzDisk show it), or -ResourceGroupName and -Name.",
                        reference.ResourceId, FailureCategory.InvalidArgument);
                var types = allowedTypes.Length == 0 ? new[] { defaultType } : allowedTypes;
                if (!Array.Exists(types, parsed.IsType))
                    throw new ImageToolsException(ErrorIds.UnsupportedSourceType,
                        $"'{reference.ResourceId}' is a {parsed.Type}; this command takes {string.Join(" or ", types)}.",
                        "Pass a resource of a supported type.", reference.ResourceId, FailureCategory.InvalidArgument);
                return parsed;
            }
            if (string.IsNullOrWhiteSpace(reference.ResourceGroupName) || string.IsNullOrWhiteSpace(reference.Name))
                throw new ImageToolsException(ErrorIds.MissingResource,
                    "No resource named: give -ResourceId, or both -ResourceGroupName and -Name.",
                    "Name the resource by id, by resource group and name, or pipe it in.", null, FailureCategory.InvalidArgument);
            return Of(subscriptionId, reference.ResourceGroupName!.Trim(), defaultType, reference.Name!.Trim());
        }

        /// <summary>The subscription of any resource id; empty when the id is not one.</summary>
        public static string SubscriptionOf(string? id) => TryParse(id, out var parsed) ? parsed.SubscriptionId : "";

        /// <summary>The resource group of any resource id; empty when the id is not one.</summary>
        public static string ResourceGroupOf(string? id) => TryParse(id, out var parsed) ? parsed.ResourceGroupName : "";

        /// <summary>The name of any resource id; the text after the last '/' when the id is not one.</summary>
        public static string NameOf(string id) =>
            TryParse(id, out var parsed) ? parsed.Name : id.TrimEnd('/').Substring(id.TrimEnd('/').LastIndexOf('/') + 1);

        public static bool SameId(ArmId? a, string? b) => SameId(a?.Id, b);

        public static bool SameId(string? a, ArmId? b) => SameId(a, b?.Id);

        public static bool SameId(string? a, string? b) =>
            string.Equals(a?.Trim().TrimEnd('/'), b?.Trim().TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
    }
}
