using System;
using System.Threading;
using System.Threading.Tasks;

namespace ImageTools.Engine.Hosting
{
    /// <summary>
    /// Where a background job's streams go. The module's Job subclass implements it over its
    /// Output/Error/Verbose/Warning/Progress collections; tests implement it with a recorder.
    /// <see cref="JobRunner"/> calls it from one thread at a time, in the order the engine wrote.
    /// </summary>
    public interface IJobSink
    {
        void Output(object item);
        void Error(ImageToolsException error);
        void Verbose(string message);
        void Warning(string message);
        void Progress(OperationProgress progress);

        /// <summary>Called once, last: how the work ended, and the terminating failure when it failed.</summary>
        void Finished(JobOutcome outcome, ImageToolsException? failure);
    }

    /// <summary>How a background job ended (PowerShell's JobState Completed, Failed, Stopped).</summary>
    public enum JobOutcome
    {
        Completed,
        Failed,
        Stopped,
    }

    /// <summary>
    /// Runs one engine operation on the thread pool for -AsJob, with a host that writes into a
    /// <see cref="IJobSink"/> instead of the pipeline. Nothing inside a job can prompt, so the
    /// cmdlet settles confirmation on the pipeline thread before starting (see
    /// <see cref="JobPolicy"/>); here every ShouldProcess is answered yes, with a verbose line
    /// naming the step. Writes from parallel engine threads are serialised in arrival order.
    /// <see cref="Stop"/> cancels the engine's token; the job then ends Stopped.
    /// </summary>
    public sealed class JobRunner : IDisposable
    {
        private readonly IJobSink _sink;
        private readonly bool _interactive;
        private readonly object _gate = new object();
        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();
        private readonly ProgressLines _progressLines = new ProgressLines();
        private Task<JobOutcome>? _completion;
        private bool _finished;

        /// <param name="sink">The job's streams.</param>
        /// <param name="interactive">
        /// Whether progress is kept as progress records (Receive-Job shows them at a prompt) or,
        /// in runbooks and other non-interactive hosts, turned into verbose lines.
        /// </param>
        public JobRunner(IJobSink sink, bool interactive)
        {
            _sink = sink ?? throw new ArgumentNullException(nameof(sink));
            _interactive = interactive;
        }

        /// <summary>Ends when the work has ended and the sink heard Finished; its value is the outcome.</summary>
        public Task<JobOutcome> Completion => _completion ?? throw new InvalidOperationException("The job has not been started.");

        /// <summary>Signalled by <see cref="Stop"/>.</summary>
        public CancellationToken Cancellation => _cancellation.Token;

        /// <summary>Starts the work on the thread pool and returns at once.</summary>
        public Task<JobOutcome> Start(Func<IOperationHost, Task> work)
        {
            if (work == null) throw new ArgumentNullException(nameof(work));
            lock (_gate)
            {
                if (_completion != null)
                    throw new InvalidOperationException("A JobRunner runs one piece of work, once.");
                var host = new JobHost(this);
                _completion = Task.Run(() => RunAsync(work, host));
                return _completion;
            }
        }

        /// <summary>Stop-Job: cancels the engine's token. Safe from any thread, any number of times.</summary>
        public void Stop()
        {
            try { _cancellation.Cancel(); }
            catch (ObjectDisposedException) { }
        }

        public void Dispose() => _cancellation.Dispose();

        private async Task<JobOutcome> RunAsync(Func<IOperationHost, Task> work, JobHost host)
        {
            JobOutcome outcome;
            ImageToolsException? failure = null;
            try
            {
                await work(host).ConfigureAwait(false);
                outcome = _cancellation.IsCancellationRequested ? JobOutcome.Stopped : JobOutcome.Completed;
            }
            catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
            {
                outcome = JobOutcome.Stopped;
            }
            catch (ImageToolsException error) when (_cancellation.IsCancellationRequested && error.Category == FailureCategory.OperationStopped)
            {
                // The engine's account of the interruption: which step stopped and how to resume.
                Write(sink => sink.Warning(string.IsNullOrEmpty(error.Remedy) ? error.Message : error.Message + " " + error.Remedy));
                outcome = JobOutcome.Stopped;
            }
            catch (ImageToolsException error)
            {
                failure = error;
                outcome = JobOutcome.Failed;
            }
            catch (Exception error)
            {
                failure = new ImageToolsException("UnexpectedFailure", $"The job failed unexpectedly: {error.Message}",
                    "Rerun the command; finished steps are recognised. Report the failure if it persists.", null, FailureCategory.NotSpecified, error);
                outcome = JobOutcome.Failed;
            }

            lock (_gate)
            {
                // A terminating failure is also the job's last error record, as Receive-Job shows it.
                if (failure != null)
                    _sink.Error(failure);
                _finished = true;
                _sink.Finished(outcome, failure);
            }
            return outcome;
        }

        /// <summary>Forwards one write to the sink, in order, unless the job already finished (late writes from stray threads are dropped).</summary>
        private void Write(Action<IJobSink> write)
        {
            lock (_gate)
            {
                if (!_finished)
                    write(_sink);
            }
        }

        /// <summary>What the engine holds inside a job: safe from any thread; never prompts.</summary>
        private sealed class JobHost : IOperationHost
        {
            private readonly JobRunner _runner;

            public JobHost(JobRunner runner) => _runner = runner;

            public bool IsWhatIf => false;
            public bool IsInteractive => _runner._interactive;
            public CancellationToken Cancellation => _runner._cancellation.Token;

            public bool ShouldProcess(string target, string action)
            {
                _runner.Write(sink => sink.Verbose(JobPolicy.ApprovedLine(target, action)));
                return true;
            }

            /// <summary>Settled before the job started, like every step (the cmdlet asks it as high impact then).</summary>
            public bool ConfirmHighImpact(string target, string action) => ShouldProcess(target, action);

            public void WriteVerbose(string message) => _runner.Write(sink => sink.Verbose(message));
            public void WriteWarning(string message) => _runner.Write(sink => sink.Warning(message));
            public void WriteObject(object item) => _runner.Write(sink => sink.Output(item));
            public void WriteError(ImageToolsException error) => _runner.Write(sink => sink.Error(error));

            public void WriteProgress(OperationProgress progress)
            {
                if (_runner._interactive)
                    _runner.Write(sink => sink.Progress(progress));
                else if (_runner._progressLines.ShouldWrite(progress))
                    _runner.Write(sink => sink.Verbose(progress.ToString()));
            }
        }
    }

    /// <summary>What a cmdlet given -AsJob does before anything runs.</summary>
    public enum JobStart
    {
        /// <summary>No -AsJob: the operation runs in the pipeline as usual.</summary>
        RunInPipeline,

        /// <summary>-AsJob with -WhatIf: the what-if runs in the pipeline (it writes nothing and is quick); no job is made.</summary>
        WhatIfInPipeline,

        /// <summary>Ask ShouldProcess once, on the pipeline thread, for the whole operation; start the job only on yes.</summary>
        ConfirmThenStart,

        /// <summary>-Force (without -Confirm): start the job without asking.</summary>
        StartWithoutPrompt,
    }

    /// <summary>
    /// The decisions around -AsJob, kept free of PowerShell types. A job cannot prompt, so the
    /// confirmation that would come per step is asked once, for the whole plan, before the job
    /// starts; every step inside the job then proceeds with a verbose line naming it.
    /// </summary>
    public static class JobPolicy
    {
        public static JobStart Decide(bool asJob, bool force, bool confirmRequested, bool whatIf)
        {
            if (!asJob)
                return JobStart.RunInPipeline;
            if (whatIf)
                return JobStart.WhatIfInPipeline;
            return HostPumpPolicy.Confirm(force, confirmRequested, whatIf) == ConfirmDecision.ProceedWithoutPrompt
                ? JobStart.StartWithoutPrompt
                : JobStart.ConfirmThenStart;
        }

        /// <summary>The ShouldProcess action asked once before the job starts.</summary>
        public static string ConsentAction(string commandName) =>
            $"{commandName} as a background job (every step of the plan, without further prompts)";

        /// <summary>The verbose line a job writes in place of each step's confirmation.</summary>
        public static string ApprovedLine(string target, string action) =>
            $"Performing the operation \"{action}\" on target \"{target}\" (confirmed before the job started).";

        /// <summary>
        /// The ErrorRecord id for an error a job records. A cmdlet's WriteError appends ",&lt;cmdlet class&gt;"
        /// itself; records added to a job's Error collection are not written by a cmdlet, so the
        /// same FullyQualifiedErrorId "&lt;RuleId&gt;,&lt;CmdletClass&gt;" is composed here.
        /// </summary>
        public static string ErrorId(ImageToolsException error, string cmdletTypeFullName) =>
            HostPumpPolicy.ErrorId(error) + "," + cmdletTypeFullName;

        /// <summary>The job's Command text, as Get-Job lists it.</summary>
        public static string Command(string commandName, string target) => $"{commandName} {target}".Trim();
    }
}
