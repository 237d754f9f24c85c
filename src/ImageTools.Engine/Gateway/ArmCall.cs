using System;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using Azure.ResourceManager;

namespace ImageTools.Engine.Gateway
{
    /// <summary>
    /// How every gateway talks to the SDK: each call's failures become engine errors through
    /// <see cref="ArmErrors"/> (ARM code and message kept; retries exhausted named as such), a
    /// read of a missing resource is null, and a long-running operation completes through the
    /// session's polling DelayStrategy, or the SDK's own when none is set (Retry-After honoured either way).
    /// </summary>
    internal static class ArmCall
    {
        public static async Task Call(string action, string target, Func<Task> body)
        {
            try
            {
                await body().ConfigureAwait(false);
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
            catch (RequestFailedException e)
            {
                throw ArmErrors.From(e, action, target);
            }
            catch (AggregateException e) when (ArmErrors.IsRetriesExhausted(e))
            {
                throw ArmErrors.From(e, action, target);
            }
        }

        /// <summary>Waits for a long-running operation started with WaitUntil.Started and returns its result.</summary>
        public static async Task<T> CompleteAsync<T>(ArmOperation<T> operation, DelayStrategy? polling, CancellationToken ct) =>
            (polling != null
                ? await operation.WaitForCompletionAsync(polling, ct).ConfigureAwait(false)
                : await operation.WaitForCompletionAsync(ct).ConfigureAwait(false)).Value;

        /// <summary>Waits for a long-running operation that has no result body (delete, power actions).</summary>
        public static async Task CompleteAsync(ArmOperation operation, DelayStrategy? polling, CancellationToken ct)
        {
            if (polling != null)
                await operation.WaitForCompletionResponseAsync(polling, ct).ConfigureAwait(false);
            else
                await operation.WaitForCompletionResponseAsync(ct).ConfigureAwait(false);
        }
    }
}
