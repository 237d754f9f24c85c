using System;
using System.Threading;
using System.Threading.Tasks;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Operations
{
    /// <summary>
    /// One run of an operation: its sink, token, gateway and timings, and the step in progress, so
    /// that a cancellation or a timeout says which step stopped and how to resume.
    /// </summary>
    internal sealed class OperationRun
    {
        private readonly string _resumeHint;

        public OperationRun(IOperationSink sink, CancellationToken cancellation, IAzureGateway gateway, EngineOptions options, string activity, string resumeHint)
        {
            Sink = sink;
            Cancellation = cancellation;
            Gateway = gateway;
            Options = options;
            Activity = activity;
            _resumeHint = resumeHint;
        }

        /// <summary>Where the run reports: the preparation's sink, then the execution's (<see cref="Bind"/>).</summary>
        public IOperationSink Sink { get; private set; }
        public IAzureGateway Gateway { get; }
        public EngineOptions Options { get; }
        public string Activity { get; }
        public string CurrentStep { get; private set; } = "reading the current state";
        public CancellationToken Cancellation { get; private set; }

        /// <summary>Execution reports through its own sink and stops on its own token.</summary>
        public void Bind(IOperationSink sink, CancellationToken cancellation)
        {
            Sink = sink;
            Cancellation = cancellation;
        }

        /// <summary>
        /// Runs one step with a time limit. Ctrl+C and the limit both end it promptly; the error
        /// names the step, and says that rerunning the same command resumes.
        /// </summary>
        public async Task<T> StepAsync<T>(string name, TimeSpan timeout, Func<CancellationToken, Task<T>> body, int percent = -1)
        {
            CurrentStep = name;
            Sink.WriteVerbose($"{Activity}: {name}");
            Sink.WriteProgress(new OperationProgress(1, Activity, name, percent < 0 ? 0 : percent));
            using var limit = new CancellationTokenSource(timeout);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(Cancellation, limit.Token);
            try
            {
                return await body(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (Cancellation.IsCancellationRequested)
            {
                throw Stopped(e);
            }
            catch (OperationCanceledException e) when (limit.IsCancellationRequested)
            {
                throw TimedOut(name, timeout, e);
            }
        }

        public Task StepAsync(string name, TimeSpan timeout, Func<CancellationToken, Task> body, int percent = -1) =>
            StepAsync<bool>(name, timeout, async ct =>
            {
                await body(ct).ConfigureAwait(false);
                return true;
            }, percent);

        public ImageToolsException Stopped(Exception? inner = null) =>
            new ImageToolsException(ErrorIds.OperationStopped,
                $"{Activity} was stopped while {CurrentStep}.",
                $"Rerun the same command to resume: finished steps are recognised and skipped. {_resumeHint}",
                null, FailureCategory.OperationStopped, inner);

        public ImageToolsException TimedOut(string step, TimeSpan timeout, Exception? inner = null) =>
            new ImageToolsException(ErrorIds.OperationTimedOut,
                $"{Activity}: {step} did not finish within {Format(timeout)}.",
                $"Check the resource in the portal (Activity log), then rerun the same command: finished steps are recognised and skipped. {_resumeHint}",
                null, FailureCategory.OperationTimeout, inner);

        public void Completed()
        {
            Sink.WriteProgress(new OperationProgress(1, Activity, "Done", 100, completed: true));
        }

        /// <summary>The pauses of one wait on the guest: adaptive, at most <paramref name="longest"/> (else the session's GuestPollInterval).</summary>
        public GuestPace GuestPace(TimeSpan? longest = null) => new GuestPace(longest ?? Options.GuestPollInterval);

        /// <summary>A time limit must be positive (and fit a CancellationTokenSource).</summary>
        public static void RequirePositive(TimeSpan value, string parameter)
        {
            if (value <= TimeSpan.Zero || value.TotalMilliseconds > int.MaxValue)
                throw new ImageToolsException(ErrorIds.InvalidTimeout,
                    $"-{parameter} must be a positive time span of at most 24 days; {value} was given.",
                    $"Pass -{parameter} as a TimeSpan such as (New-TimeSpan -Minutes 30).", null, FailureCategory.InvalidArgument);
        }

        public static string Format(TimeSpan t) =>
            t.TotalHours >= 1 ? $"{t.TotalHours:0.#} h" : t.TotalMinutes >= 1 ? $"{t.TotalMinutes:0.#} min" : $"{t.TotalSeconds:0.#} s";
    }
}
