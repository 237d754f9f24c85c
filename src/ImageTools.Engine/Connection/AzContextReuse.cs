using System;
using System.Threading;
using System.Threading.Tasks;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Requests;
using ImageTools.Models;

namespace ImageTools.Engine.Connection
{
    /// <summary>
    /// Reuse of an existing Az.Accounts sign-in when ImageTools has no connection of its own:
    /// the context's subscription and tenant become the session's, and the credential is one
    /// that reaches the same identity without a second login. A managed-identity context
    /// (Connect-AzAccount -Identity, as in Azure Automation, where IDENTITY_ENDPOINT and
    /// IDENTITY_HEADER are set) signs in as that managed identity, system-assigned or, when the
    /// account id is a client id, user-assigned. Any other account (a user, a service
    /// principal) goes through Azure.Identity's AzurePowerShellCredential, which asks Az.Accounts
    /// itself for a token (Get-AzAccessToken in a child PowerShell, which reads the saved Az
    /// context). Contexts that cannot be reached that way are not reused, with the reason.
    /// </summary>
    public static class AzContextReuse
    {
        private const string ManagedServiceType = "ManagedService";

        /// <summary>True when the session already has an ImageTools connection (nothing to reuse then).</summary>
        public static bool SessionConnected => EngineSession.Current != null;

        /// <summary>Managed identity is served here: Azure Automation, App Service and Functions set these two.</summary>
        public static bool ManagedIdentityEndpointPresent(Func<string, string?> environment) =>
            !string.IsNullOrEmpty(environment("IDENTITY_ENDPOINT")) && !string.IsNullOrEmpty(environment("IDENTITY_HEADER"));

        /// <summary>Which connection, if any, the Az context becomes.</summary>
        public static AzContextDecision Choose(AzContextInfo? context, Func<string, string?> environment)
        {
            if (context == null || string.IsNullOrWhiteSpace(context.SubscriptionId))
                return new AzContextDecision(null, "Az.Accounts is not loaded or has no context with a subscription.");

            string cloud = string.IsNullOrWhiteSpace(context.Environment) ? "AzureCloud" : context.Environment.Trim();
            if (!IsKnownCloud(cloud))
                return new AzContextDecision(null,
                    $"The Az context is in environment '{cloud}', which ImageTools does not know; run Connect-ImageTools -Environment <cloud>.");

            var request = new ConnectRequest
            {
                Environment = cloud,
                SubscriptionId = context.SubscriptionId.Trim(),
                TenantId = Blank(context.TenantId),
            };

            if (string.Equals(context.AccountType, ManagedServiceType, StringComparison.OrdinalIgnoreCase))
            {
                string account = (context.AccountId ?? "").Trim();
                request.CredentialKind = CredentialKind.ManagedIdentity;
                string where = ManagedIdentityEndpointPresent(environment) ? "the IDENTITY_ENDPOINT of this sandbox" : "the instance metadata endpoint";
                if (Guid.TryParse(account, out _))
                {
                    request.ClientId = account;
                    return new AzContextDecision(request,
                        $"Reusing the Az.Accounts sign-in: user-assigned managed identity {account} through {where}, subscription {request.SubscriptionId}.");
                }
                if (account.Length == 0 || account.StartsWith("MSI@", StringComparison.OrdinalIgnoreCase))
                    return new AzContextDecision(request,
                        $"Reusing the Az.Accounts sign-in: system-assigned managed identity through {where}, subscription {request.SubscriptionId}.");
                return new AzContextDecision(null,
                    $"The Az context's managed identity '{account}' is not a client id; run Connect-ImageTools -Identity -AccountId <client id>.");
            }

            if (string.Equals(context.AccountType, "AccessToken", StringComparison.OrdinalIgnoreCase))
                return new AzContextDecision(null,
                    "The Az context signs in with a fixed access token, which cannot be renewed from here; run Connect-ImageTools.");

            request.CredentialKind = CredentialKind.AzurePowerShell;
            string who = string.IsNullOrWhiteSpace(context.AccountId) ? "the signed-in account" : context.AccountId.Trim();
            return new AzContextDecision(request,
                $"Reusing the Az.Accounts sign-in of {who} (tokens from Az.Accounts through AzurePowerShellCredential), " +
                $"subscription {request.SubscriptionId}, tenant {request.TenantId ?? "(the context's default)"}.");
        }

        /// <summary>
        /// Opens the session's connection from the Az context when it can be reused. Returns null
        /// (and says why on the verbose stream, or as a warning when the sign-in itself failed)
        /// otherwise; the operation that follows then reports NotConnected as usual.
        /// </summary>
        public static async Task<ConnectionInfo?> ConnectAsync(AzContextInfo? context, IOperationSink sink, Func<string, string?> environment, CancellationToken cancellationToken)
        {
            var decision = Choose(context, environment);
            sink.WriteVerbose(decision.Reason);
            if (decision.Request == null)
                return null;
            try
            {
                return await ImageToolsEngine.ConnectAsync(decision.Request, sink, null, cancellationToken).ConfigureAwait(false);
            }
            catch (ImageToolsException e)
            {
                sink.WriteWarning($"The Az.Accounts sign-in could not be reused ({e.Message}). Run Connect-ImageTools.");
                return null;
            }
        }

        private static bool IsKnownCloud(string name)
        {
            try
            {
                AzureCloud.Find(name);
                return true;
            }
            catch (ImageToolsException)
            {
                return false;
            }
        }

        private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
    }
}
