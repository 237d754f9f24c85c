using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace ImageTools.Engine.Requests
{
    /// <summary>How Connect-ImageTools signs in.</summary>
    public enum CredentialKind
    {
        /// <summary>Azure.Identity's default chain (environment, managed identity, CLI, PowerShell...).</summary>
        Default,
        InteractiveBrowser,
        DeviceCode,
        ServicePrincipalSecret,
        ServicePrincipalCertificate,
        ManagedIdentity,
        Environment,
        AzureCli,
        AzurePowerShell,
        /// <summary>The local emulator (any bearer token is accepted there).</summary>
        Emulator,
    }
}
