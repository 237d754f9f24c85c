using System;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using Azure.ResourceManager;
using ImageTools.Engine.Connection;

namespace ImageTools.Engine.Gateway
{
    /// <summary>
    /// How every gateway talks to the SDK: each call's failures become engine errors through
    /// <see cref="ArmErrors"/> (ARM code and message kept; retries exhausted named as such), a
    /// read of a missing resource is null, and a long-running operation completes through the
    /// session's <see cref="LroPolling"/>, its first poll held back for the start response's Retry-After.
    /// </summary>
    internal static class ArmCall
    {
        public static async Task Call(string action, string target, Func<Task> body)
        {
            try
            {
                await body().ConfigureAwait(false);
            }
            catch (LongRunningOperationFailure e)
            {
                throw ArmErrors.FromFailedOperation(e.Failure, action, target);
            }
            catch (RequestFailedException e)
            {
                throw ArmErrors.From(e, action, target);
            }
            catch (AggregateException e) when (ArmErrors.IsRetriesExhausted(e))
            {
                throw ArmErrors.From(e, action, target);
            }
        }

        public static async Task<T> Call<T>(string action, string target, Func<Task<T>> body)
        {
            try
            {
                return await body().ConfigureAwait(false);
            }
            catch (LongRunningOperationFailure e)
            {
                throw ArmErrors.FromFailedOperation(e.Failure, action, target);
            }
            catch (RequestFailedException e)
            {
                throw ArmErrors.From(e, action, target);
            }
            catch (AggregateException e) when (ArmErrors.IsRetriesExhausted(e))
            {
                throw ArmErrors.From(e, action, target);
            }
        }

        /// <summary>A read: null when the resource (or a parent, or its group) does not exist.</summary>
        public static async Task<T?> CallOrNull<T>(string action, string target, Func<Task<T>> body) where T : class
        {
            try
            {
                return await body().ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                return null;
            }
            catch (LongRunningOperationFailure e)
            {
                throw ArmErrors.FromFailedOperation(e.Failure, action, target);
            }
            catch (RequestFailedException e)
            {
                throw ArmErrors.From(e, action, target);
            }
            catch (AggregateException e) when (ArmErrors.IsRetriesExhausted(e))
            {
                throw ArmErrors.From(e, action, target);
            }
        }

        /// <summary>
        /// Waits for a long-running operation started with WaitUntil.Started and returns its result.
        /// The first poll waits for the Retry-After the start response sent (the SDK would poll at once).
        /// An operation that ends Failed surfaces as <see cref="LongRunningOperationFailure"/>, which the Call methods map.
        /// </summary>
        public static async Task<T> CompleteAsync<T>(ArmOperation<T> operation, DelayStrategy? polling, CancellationToken ct)
        {
            await FirstPollAsync(operation, ct).ConfigureAwait(false);
            try
            {
                return (await operation.WaitForCompletionAsync(polling ?? new LroPolling(null), ct).ConfigureAwait(false)).Value;
            }
            catch (RequestFailedException e)
            {
                throw new LongRunningOperationFailure(e);
            }
        }

        /// <summary>Waits for a long-running operation that has no result body (delete, power actions).</summary>
        public static async Task CompleteAsync(ArmOperation operation, DelayStrategy? polling, CancellationToken ct)
        {
            await FirstPollAsync(operation, ct).ConfigureAwait(false);
            try
            {
                await operation.WaitForCompletionResponseAsync(polling ?? new LroPolling(null), ct).ConfigureAwait(false);
            }
            catch (RequestFailedException e)
            {
                throw new LongRunningOperationFailure(e);
            }
        }

        /// <summary>Holds the first poll of a running operation back for the Retry-After its start response asked for.</summary>
        private static Task FirstPollAsync(Operation operation, CancellationToken ct)
        {
            if (operation.HasCompleted)
                return Task.CompletedTask;
            var wait = LroPolling.RetryAfter(operation.GetRawResponse(), DateTimeOffset.UtcNow);
            return wait > TimeSpan.Zero ? Task.Delay(wait, ct) : Task.CompletedTask;
        }
    }
}
