using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace ImageTools.Engine.Requests
{
    /// <summary>Connect-ImageTools.</summary>
    public sealed class ConnectRequest
    {
        /// <summary>AzureCloud (default), AzureUSGovernment or AzureChinaCloud.</summary>
        public string Environment { get; set; } = "AzureCloud";

        public string? SubscriptionId { get; set; }
        public string? TenantId { get; set; }
        public CredentialKind CredentialKind { get; set; } = CredentialKind.Default;

        /// <summary>Service principal or user-assigned managed identity client id.</summary>
        public string? ClientId { get; set; }

        /// <summary>Service principal secret (user name = client id).</summary>
        public NetworkCredential? ClientSecret { get; set; }

        public X509Certificate2? Certificate { get; set; }
        public string? CertificatePath { get; set; }

        /// <summary>A certificate in CurrentUser\My or LocalMachine\My, by thumbprint (looked up by the engine).</summary>
        public string? CertificateThumbprint { get; set; }

        /// <summary>The file the emulator writes when ready (its endpoint, certificate thumbprint, ids).</summary>
        public string? EmulatorConnectionFile { get; set; }
    }
}
