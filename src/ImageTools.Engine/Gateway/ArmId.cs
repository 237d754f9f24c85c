using System;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Requests;

namespace ImageTools.Engine.Gateway
{
    /// <summary>
    /// A top-level resource id, /subscriptions/{s}/resourceGroups/{rg}/providers/{ns}/{type}/{name},
    /// read without the SDK so that rules and operations can reason about ids as plain strings.
    /// </summary>
    internal sealed class ArmId
    {
        public const string VirtualMachines = "Microsoft.Compute/virtualMachines";
        public const string Images = "Microsoft.Compute/images";
        public const string Snapshots = "Microsoft.Compute/snapshots";
        public const string Disks = "Microsoft.Compute/disks";

        private ArmId(string subscriptionId, string resourceGroupName, string type, string name)
        {
            SubscriptionId = subscriptionId;
            ResourceGroupName = resourceGroupName;
            Type = type;
            Name = name;
        }

        public string SubscriptionId { get; }
        public string ResourceGroupName { get; }
        /// <summary>Namespace/type, e.g. Microsoft.Compute/virtualMachines.</summary>
        public string Type { get; }
        public string Name { get; }

        public string Id => Format(SubscriptionId, ResourceGroupName, Type, Name);

        public bool IsType(string type) => string.Equals(Type, type, StringComparison.OrdinalIgnoreCase);

        public override string ToString() => Id;

        public static string Format(string subscriptionId, string resourceGroupName, string type, string name) =>
            $"/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/{type}/{name}";

        public static ArmId Of(string subscriptionId, string resourceGroupName, string type, string name) =>
            new ArmId(subscriptionId, resourceGroupName, type, name);

        public static bool TryParse(string? id, out ArmId result)
        {
            result = null!;
            if (string.IsNullOrWhiteSpace(id))
                return false;
            var parts = id!.Trim().Trim('/').Split('/');
            if (parts.Length != 8 ||
                !parts[0].Equals("subscriptions", StringComparison.OrdinalIgnoreCase) ||
                !parts[2].Equals("resourceGroups", StringComparison.OrdinalIgnoreCase) ||
                !parts[4].Equals("providers", StringComparison.OrdinalIgnoreCase) ||
                Array.Exists(parts, p => p.Length == 0))
                return false;
            result = new ArmId(parts[1], parts[3], parts[5] + "/" + parts[6], parts[7]);
            return true;
        }

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
            return new ArmId(subscriptionId, reference.ResourceGroupName!.Trim(), defaultType, reference.Name!.Trim());
        }

        /// <summary>
        /// The subscription and resource group of any resource id, nested ones too (a gallery, its
        /// definition or version); empty strings when the id does not start with them.
        /// </summary>
        public static void ScopeOf(string? id, out string subscriptionId, out string resourceGroupName)
        {
            subscriptionId = resourceGroupName = "";
            var parts = (id ?? "").Trim().Trim('/').Split('/');
            if (parts.Length >= 4 && parts[0].Equals("subscriptions", StringComparison.OrdinalIgnoreCase) &&
                parts[2].Equals("resourceGroups", StringComparison.OrdinalIgnoreCase))
            {
                subscriptionId = parts[1];
                resourceGroupName = parts[3];
            }
        }

        public static string SubscriptionOf(string? id)
        {
            ScopeOf(id, out var subscriptionId, out _);
            return subscriptionId;
        }

        public static string ResourceGroupOf(string? id)
        {
            ScopeOf(id, out _, out var resourceGroupName);
            return resourceGroupName;
        }

        /// <summary>The last segment of an id (the resource's name), without parsing the rest.</summary>
        public static string LastSegment(string id) => id.Substring(id.TrimEnd('/').LastIndexOf('/') + 1).TrimEnd('/');

        public static bool SameId(string? a, string? b) =>
            string.Equals(a?.TrimEnd('/'), b?.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
    }
}
