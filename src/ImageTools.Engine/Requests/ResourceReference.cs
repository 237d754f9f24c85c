namespace ImageTools.Engine.Requests
{
    /// <summary>
    /// A resource as the user named it: by full id, or by resource group and name in the
    /// session's (or -SubscriptionId's) subscription. The engine resolves and validates it.
    /// </summary>
    public sealed class ResourceReference
    {
        public string? ResourceId { get; set; }
        public string? ResourceGroupName { get; set; }
        public string? Name { get; set; }

        public static ResourceReference FromId(string id) => new ResourceReference { ResourceId = id };

        public static ResourceReference FromName(string resourceGroupName, string name) =>
            new ResourceReference { ResourceGroupName = resourceGroupName, Name = name };

        public override string ToString() => ResourceId ?? $"{ResourceGroupName}/{Name}";
    }
}
