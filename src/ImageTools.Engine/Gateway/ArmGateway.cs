using System;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using Azure.ResourceManager;
using Azure.ResourceManager.Resources;

namespace ImageTools.Engine.Gateway
{
    /// <summary>
    /// What every gateway shares: the session's ArmClient, its polling DelayStrategy for
    /// long-running operations, and the one conversion of an <see cref="ArmId"/> into the SDK's
    /// identifier. Calls go through <see cref="ArmCall"/>, which maps failures to engine errors.
    /// </summary>
    internal abstract class ArmGateway
    {
        private readonly DelayStrategy? _polling;

        protected ArmGateway(ArmClient client, DelayStrategy? polling)
        {
            Client = client;
            _polling = polling;
        }

        protected ArmClient Client { get; }

        protected static ResourceIdentifier Sdk(ArmId id) => SdkIds.ToSdk(id);

        protected SubscriptionResource Subscription(string subscriptionId) =>
            Client.GetSubscriptionResource(SubscriptionResource.CreateResourceIdentifier(subscriptionId));

        protected ResourceGroupResource ResourceGroup(string subscriptionId, string resourceGroupName) =>
            Client.GetResourceGroupResource(ResourceGroupResource.CreateResourceIdentifier(subscriptionId, resourceGroupName));

        protected static Task Call(string action, ArmId target, Func<Task> body) => ArmCall.Call(action, target.Id, body);

        protected static Task Call(string action, string target, Func<Task> body) => ArmCall.Call(action, target, body);

        protected static Task<T> Call<T>(string action, ArmId target, Func<Task<T>> body) => ArmCall.Call(action, target.Id, body);

        protected static Task<T> Call<T>(string action, string target, Func<Task<T>> body) => ArmCall.Call(action, target, body);

        /// <summary>A read: null when the resource (or a parent, or its group) does not exist.</summary>
        protected static Task<T?> CallOrNull<T>(string action, ArmId target, Func<Task<T>> body) where T : class =>
            ArmCall.CallOrNull(action, target.Id, body);

        protected static Task<T?> CallOrNull<T>(string action, string target, Func<Task<T>> body) where T : class =>
            ArmCall.CallOrNull(action, target, body);

        /// <summary>Waits for a long-running operation started with WaitUntil.Started and returns its result.</summary>
        protected Task<T> CompleteAsync<T>(ArmOperation<T> operation, CancellationToken ct) => ArmCall.CompleteAsync(operation, _polling, ct);

        /// <summary>Waits for a long-running operation that has no result body (delete, power actions).</summary>
        protected Task CompleteAsync(ArmOperation operation, CancellationToken ct) => ArmCall.CompleteAsync(operation, _polling, ct);
    }
}
