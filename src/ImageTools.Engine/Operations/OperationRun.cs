using System;
using System.Threading;
using System.Threading.Tasks;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Rules;

namespace ImageTools.Engine.Operations
{
    /// <summary>
    /// One run of an operation: its host, gateway and timings, and the step in progress, so
    /// that a cancellation or a timeout says which step stopped and how to resume.
    /// </summary>
    internal sealed class OperationRun
    {
        private readonly string _resumeHint;
        private int _stepNumber;

        public OperationRun(IOperationHost host, IAzureGateway gateway, EngineOptions options, string activity, string resumeHint)
        {
            Host = host;
            Gateway = gateway;
            Options = options;
            Activity = activity;
            _resumeHint = resumeHint;
        }

        public IOperationHost Host { get; }
        public IAzureGateway Gateway { get; }
        public EngineOptions Options { get; }
        public string Activity { get; }
        public string CurrentStep { get; private set; } = "reading the current state";
        public CancellationToken Cancellation => Host.Cancellation;

        /// <summary>
        /// Asks the host about every planned write before the first one, so that a declined
        /// step leaves nothing half done. Under -WhatIf this prints the plan (each call answers false).
        /// A high-impact step is asked through ConfirmHighImpact (it prompts by default).
        /// </summary>
        public bool ConfirmPlan(OperationPlan plan)
        {
            var all = true;
            foreach (var step in plan.Steps)
            {
                if (!(step.HighImpact ? Host.ConfirmHighImpact(step.Target, step.Action) : Host.ShouldProcess(step.Target, step.Action)))
                    all = false;
            }
            return all;
        }

        /// <summary>
        /// Runs one step with a time limit. Ctrl+C and the limit both end it promptly; the error
        /// names the step, and says that rerunning the same command resumes.
        /// </summary>
        public async Task<T> StepAsync<T>(string name, TimeSpan timeout, Func<CancellationToken, Task<T>> body, int percent = -1)
        {
            CurrentStep = name;
            _stepNumber++;
            Host.WriteVerbose($"{Activity}: {name}");
            if (Host.IsInteractive)
                Host.WriteProgress(new OperationProgress(1, Activity, name, percent < 0 ? 0 : percent));
            using var limit = new CancellationTokenSource(timeout);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(Host.Cancellation, limit.Token);
            try
            {
                return await body(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (Host.Cancellation.IsCancellationRequested)
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
            new ImageToolsException("OperationStopped",
                $"{Activity} was stopped while {CurrentStep}.",
                $"Rerun the same command to resume: finished steps are recognised and skipped. {_resumeHint}",
                null, FailureCategory.OperationStopped, inner);

        public ImageToolsException TimedOut(string step, TimeSpan timeout, Exception? inner = null) =>
            new ImageToolsException("OperationTimedOut",
                $"{Activity}: {step} did not finish within {Format(timeout)}.",
                $"Check the resource in the portal (Activity log), then rerun the same command: finished steps are recognised and skipped. {_resumeHint}",
                null, FailureCategory.OperationTimeout, inner);

        public void Completed()
        {
            if (Host.IsInteractive)
                Host.WriteProgress(new OperationProgress(1, Activity, "Done", 100, completed: true));
        }

        /// <summary>Waits between two polls of the guest, promptly cancellable.</summary>
        public Task PauseAsync(CancellationToken ct) =>
            Options.GuestPollInterval > TimeSpan.Zero ? Task.Delay(Options.GuestPollInterval, ct) : Task.Yield().AsTask(ct);

        /// <summary>A time limit must be positive (and fit a CancellationTokenSource).</summary>
        public static void RequirePositive(TimeSpan value, string parameter)
        {
            if (value <= TimeSpan.Zero || value.TotalMilliseconds > int.MaxValue)
                throw new ImageToolsException("InvalidTimeout",
                    $"-{parameter} must be a positive time span of at most 24 days; {value} was given.",
                    $"Pass -{parameter} as a TimeSpan such as (New-TimeSpan -Minutes 30).", null, FailureCategory.InvalidArgument);
        }

        public static string Format(TimeSpan t) =>
            t.TotalHours >= 1 ? $"{t.TotalHours:0.#} h" : t.TotalMinutes >= 1 ? $"{t.TotalMinutes:0.#} min" : $"{t.TotalSeconds:0.#} s";

        /// <summary>
        /// The preflight's common ending: under -WhatIf the plan and every finding are shown and
        /// nothing is written (returns false); otherwise warnings are shown and refusals thrown.
        /// </summary>
        public bool ReportPreflight(PreflightResult preflight, OperationPlan plan)
        {
            if (Host.IsWhatIf)
            {
                ConfirmPlan(plan);
                preflight.Report(Host);
                return false;
            }
            preflight.Report(Host);
            return true;
        }
    }

    internal static class TaskExtensions
    {
        public static async Task AsTask(this System.Runtime.CompilerServices.YieldAwaitable yield, CancellationToken ct)
        {
            ct.ThrowIfCancellationRequested();
            await yield;
            ct.ThrowIfCancellationRequested();
        }
    }
}
