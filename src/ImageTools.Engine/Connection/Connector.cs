using System;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Identity;
using Azure.ResourceManager;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Requests;
using ImageTools.Models;

namespace ImageTools.Engine.Connection
{
    /// <summary>Connect-ImageTools: builds the client for a cloud or the emulator, then proves the subscription is reachable.</summary>
    internal static class Connector
    {
        public static async Task<EngineSession> OpenAsync(ConnectRequest request, IOperationSink? sink, EngineOptions options, CancellationToken ct)
        {
            ArmClient client;
            Azure.Core.Pipeline.HttpPipeline? blobs = null;
            string environment, resourceManagerUrl, tenantId;
            string? subscriptionId = Blank(request.SubscriptionId);
            var kind = request.CredentialKind;

            if (kind == CredentialKind.Emulator || !string.IsNullOrWhiteSpace(request.EmulatorConnectionFile))
            {
                if (string.IsNullOrWhiteSpace(request.EmulatorConnectionFile))
                    throw new ImageToolsException(ErrorIds.MissingCredentialParameter, "The emulator connection needs the connection file the emulator wrote at start.",
                        "Pass -EmulatorConnectionFile <path> (the emulator's --connection-file).", null, FailureCategory.InvalidArgument);
                kind = CredentialKind.Emulator;
                var emulator = EmulatorEndpoint.Load(request.EmulatorConnectionFile!);
                subscriptionId ??= emulator.SubscriptionId;
                tenantId = emulator.TenantId;
                environment = "Emulator";
                resourceManagerUrl = emulator.Endpoint.ToString();
                client = ArmClientFactory.Create(new StaticTokenCredential("imagetools-emulator"), subscriptionId,
                    ArmClientFactory.EmulatorEnvironment(emulator.Endpoint), options, emulator.CreatePinnedHandler());
                blobs = ArmClientFactory.CreateBlobPipeline(options, emulator.CreatePinnedHandler());
            }
            else
            {
                var cloud = AzureCloud.Find(request.Environment);
                var credential = CredentialFactory.Create(request, cloud, message =>
                {
                    if (sink != null)
                        sink.WriteWarning(message);
                    else
                        Console.Error.WriteLine(message);
                });
                environment = cloud.Name;
                resourceManagerUrl = cloud.Environment.Endpoint.ToString();
                tenantId = Blank(request.TenantId) ?? "";
                client = ArmClientFactory.Create(credential, subscriptionId, cloud.Environment, options);
            }

            var gateways = new Gateways(client, options.PollingDelay, blobs ?? ArmClientFactory.CreateBlobPipeline(options, null));
            SubscriptionState subscription;
            try
            {
                if (subscriptionId == null)
                {
                    // No subscription named: the identity's default (the first it can see), as Az does.
                    var first = await client.GetDefaultSubscriptionAsync(ct).ConfigureAwait(false);
                    subscriptionId = first.Data.SubscriptionId;
                    sink?.WriteVerbose($"No -SubscriptionId given; using subscription {subscriptionId} ({first.Data.DisplayName}).");
                }
                subscription = await gateways.Azure.GetSubscriptionAsync(subscriptionId!, ct).ConfigureAwait(false);
            }
            catch (AzureRequestException e)
            {
                throw new ImageToolsException(ErrorIds.SubscriptionUnreachable,
                    $"Subscription '{subscriptionId}' cannot be reached at {resourceManagerUrl}: {e.Message}",
                    "Check -SubscriptionId and -TenantId, and that the identity has a role on the subscription (Reader at least).",
                    subscriptionId, e.Category == FailureCategory.ObjectNotFound ? FailureCategory.ObjectNotFound : FailureCategory.ConnectionError, e);
            }
            catch (Azure.RequestFailedException e)
            {
                throw ArmErrors.From(e, "list the subscriptions of", resourceManagerUrl);
            }
            catch (AggregateException e) when (ArmErrors.IsRetriesExhausted(e))
            {
                throw ArmErrors.From(e, "list the subscriptions of", resourceManagerUrl);
            }
            catch (CredentialUnavailableException e)
            {
                throw new ImageToolsException(ErrorIds.CredentialUnavailable, $"Sign-in with {kind} is not available here: {e.Message}",
                    kind == CredentialKind.ManagedIdentity
                        ? "Managed identity works only on Azure (a VM, App Service, or an Automation account with its identity enabled)."
                        : "Choose another sign-in method of Connect-ImageTools.",
                    null, FailureCategory.PermissionDenied, e);
            }
            catch (AuthenticationFailedException e)
            {
                throw new ImageToolsException(ErrorIds.AuthenticationFailed, $"Sign-in with {kind} failed: {e.Message}",
                    "Check the tenant, client id and secret or certificate, then run Connect-ImageTools again.",
                    null, FailureCategory.PermissionDenied, e);
            }

            var info = new ConnectionInfo
            {
                Environment = environment,
                SubscriptionId = subscription.SubscriptionId,
                TenantId = subscription.TenantId.Length > 0 ? subscription.TenantId : tenantId,
                CredentialKind = kind.ToString(),
                Account = Blank(request.ClientId) ?? Blank(request.ClientSecret?.UserName) ?? "",
                ResourceManagerUrl = resourceManagerUrl,
            };
            return new EngineSession(client, gateways, info, options);
        }

        private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
    }
}
