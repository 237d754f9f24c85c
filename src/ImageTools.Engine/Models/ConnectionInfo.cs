namespace ImageTools.Models
{
    /// <summary>The session's connection, as Connect-ImageTools emits it. Holds no secret.</summary>
    public sealed class ConnectionInfo
    {
        /// <summary>AzureCloud, AzureUSGovernment, AzureChinaCloud or Emulator.</summary>
        public string Environment { get; set; } = "";
        public string SubscriptionId { get; set; } = "";
        public string TenantId { get; set; } = "";

        /// <summary>How the session signs in (ManagedIdentity, ServicePrincipalSecret, ...).</summary>
        public string CredentialKind { get; set; } = "";

        /// <summary>Client id of a service principal or user-assigned identity, when there is one.</summary>
        public string Account { get; set; } = "";

        public string ResourceManagerUrl { get; set; } = "";
    }
}
