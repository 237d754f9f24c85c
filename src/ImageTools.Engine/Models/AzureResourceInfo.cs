using System.Collections.Generic;

namespace ImageTools.Models
{
    /// <summary>
    /// The properties every ImageTools output shares with Az's own objects, so that the next
    /// cmdlet binds by property name (Id, ResourceGroupName, Name...). Flat, string-typed,
    /// serializable: runbooks pass these between jobs.
    /// </summary>
    public abstract class AzureResourceInfo
    {
        public string Id { get; set; } = "";
        public string SubscriptionId { get; set; } = "";
        public string ResourceGroupName { get; set; } = "";
        public string Name { get; set; } = "";
        public string Location { get; set; } = "";
        public Dictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();
        public string ProvisioningState { get; set; } = "";

        public override string ToString() => Id;
    }
}
