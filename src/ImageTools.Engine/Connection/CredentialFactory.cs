using System;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Identity;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Requests;

namespace ImageTools.Engine.Connection
{
    /// <summary>
    /// Turns Connect-ImageTools' parameters into an Azure.Identity credential. Azure.Identity
    /// owns every sign-in flow; this only picks the flow and its cloud's authority host.
    /// Managed identity covers Azure Automation too (IDENTITY_ENDPOINT / IDENTITY_HEADER).
    /// </summary>
    internal static class CredentialFactory
    {
        public static TokenCredential Create(ConnectRequest request, AzureCloud cloud, Action<string> deviceCodeMessage)
        {
            var tenantId = Blank(request.TenantId);
            var clientId = Blank(request.ClientId);
            switch (request.CredentialKind)
            {
                case CredentialKind.InteractiveBrowser:
                    return new InteractiveBrowserCredential(new InteractiveBrowserCredentialOptions
                    {
                        AuthorityHost = cloud.AuthorityHost,
                        TenantId = tenantId,
                        ClientId = clientId ?? InteractiveBrowserDefaultClientId,
                    });

                case CredentialKind.DeviceCode:
                    return new DeviceCodeCredential(new DeviceCodeCredentialOptions
                    {
                        AuthorityHost = cloud.AuthorityHost,
                        TenantId = tenantId,
                        ClientId = clientId ?? InteractiveBrowserDefaultClientId,
                        DeviceCodeCallback = (info, ct) =>
                        {
                            deviceCodeMessage(info.Message);
                            return Task.CompletedTask;
                        },
                    });

                case CredentialKind.ServicePrincipalSecret:
                {
                    var secretClientId = clientId ?? Blank(request.ClientSecret?.UserName);
                    var secret = request.ClientSecret?.Password;
                    Require(tenantId, "TenantId", "a service principal signs in to one tenant");
                    Require(secretClientId, "ClientId", "the application (client) id of the service principal");
                    Require(Blank(secret), "ClientSecret", "the service principal's secret");
                    return new ClientSecretCredential(tenantId, secretClientId, secret,
                        new ClientSecretCredentialOptions { AuthorityHost = cloud.AuthorityHost });
                }

                case CredentialKind.ServicePrincipalCertificate:
                {
                    Require(tenantId, "TenantId", "a service principal signs in to one tenant");
                    Require(clientId, "ClientId", "the application (client) id of the service principal");
                    var options = new ClientCertificateCredentialOptions { AuthorityHost = cloud.AuthorityHost };
                    if (request.Certificate != null)
                        return new ClientCertificateCredential(tenantId, clientId, request.Certificate, options);
                    if (Blank(request.CertificateThumbprint) != null)
                        return new ClientCertificateCredential(tenantId, clientId, CertificateLookup.FindByThumbprint(request.CertificateThumbprint!), options);
                    Require(Blank(request.CertificatePath), "Certificate, CertificateThumbprint or CertificatePath", "the service principal's certificate");
                    return new ClientCertificateCredential(tenantId, clientId, request.CertificatePath, options);
                }

                case CredentialKind.ManagedIdentity:
                    // System-assigned without a client id, user-assigned with one.
                    return new ManagedIdentityCredential(clientId, new TokenCredentialOptions { AuthorityHost = cloud.AuthorityHost });

                case CredentialKind.Environment:
                    return new EnvironmentCredential(new EnvironmentCredentialOptions { AuthorityHost = cloud.AuthorityHost });

                case CredentialKind.AzureCli:
                    return new AzureCliCredential(new AzureCliCredentialOptions { AuthorityHost = cloud.AuthorityHost, TenantId = tenantId });

                case CredentialKind.AzurePowerShell:
                    return new AzurePowerShellCredential(new AzurePowerShellCredentialOptions { AuthorityHost = cloud.AuthorityHost, TenantId = tenantId });

                case CredentialKind.Default:
                    return new DefaultAzureCredential(new DefaultAzureCredentialOptions
                    {
                        AuthorityHost = cloud.AuthorityHost,
                        TenantId = tenantId,
                        ManagedIdentityClientId = clientId,
                        ExcludeInteractiveBrowserCredential = true,
                    });

                case CredentialKind.Emulator:
                    return new StaticTokenCredential("imagetools-emulator");

                default:
                    throw new ImageToolsException(ErrorIds.UnknownCredentialKind, $"Credential kind '{request.CredentialKind}' is not supported.",
                        null, null, FailureCategory.InvalidArgument);
            }
        }

        /// <summary>The well-known public client Azure.Identity uses for interactive sign-in when none is given.</summary>
        private const string InteractiveBrowserDefaultClientId = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";

        private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();

        private static void Require(string? value, string parameter, string why)
        {
            if (value == null)
                throw new ImageToolsException(ErrorIds.MissingCredentialParameter,
                    $"{parameter} is required for this sign-in: {why}.",
                    $"Pass -{parameter.Split(' ')[0]} to Connect-ImageTools.", null, FailureCategory.InvalidArgument);
        }
    }
}
