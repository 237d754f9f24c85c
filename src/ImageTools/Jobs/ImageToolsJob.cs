using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Operations;
using ImageTools.Hosting;

namespace ImageTools.Jobs
{
    /// <summary>
    /// The job -AsJob returns (Get-Job, Receive-Job, Wait-Job, Stop-Job work on it). The cmdlet
    /// asked its one consent on the pipeline thread before creating it; the job prepares the
    /// operation, reviews it (a refusal fails the job; each step writes a verbose line saying it
    /// was confirmed before the job started), and executes it. It is the operation's sink: writes
    /// from parallel engine threads go, in arrival order, to Output, Error, Verbose, Warning and
    /// Progress. Stop-Job cancels the operation's token; the job then ends Stopped.
    /// </summary>
    internal sealed class ImageToolsJob : Job, IOperationSink
    {
        public const string TypeName = "ImageToolsJob";

        private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(60);
        private readonly string _cmdletType;
        private readonly bool _interactive;
        private readonly object _gate = new object();
        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();
        private Task? _work;
        private bool _finished;
        private volatile string _status = "Not started";

        /// <param name="interactive">Whether progress stays progress records (Receive-Job shows them) or becomes verbose lines (runbooks).</param>
        public ImageToolsJob(string command, string cmdletType, bool interactive) : base(command)
        {
            PSJobTypeName = TypeName;
            _cmdletType = cmdletType;
            _interactive = interactive;
        }

        public void Start(Func<IOperationSink, CancellationToken, Task<PreparedOperation>> prepare)
        {
            SetJobState(JobState.Running);
            _status = "Running";
            _work = Task.Run(() => RunAsync(prepare));
        }

        private async Task RunAsync(Func<IOperationSink, CancellationToken, Task<PreparedOperation>> prepare)
        {
            JobState outcome;
            ImageToolsException? failure = null;
            try
            {
                var prepared = await prepare(this, _cancellation.Token).ConfigureAwait(false);
                if (OperationReview.Review(prepared, this, whatIf: false, step =>
                    {
                        WriteVerbose(HostPolicy.JobApprovedLine(step.Target, step.Action));
                        return true;
                    }))
                    await prepared.ExecuteAsync(this, _cancellation.Token).ConfigureAwait(false);
                outcome = _cancellation.IsCancellationRequested ? JobState.Stopped : JobState.Completed;
            }
            catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
            {
                outcome = JobState.Stopped;
            }
            catch (ImageToolsException error) when (_cancellation.IsCancellationRequested && error.Category == FailureCategory.OperationStopped)
            {
                // The engine's account of the interruption: which step stopped and how to resume.
                WriteWarning(string.IsNullOrEmpty(error.Remedy) ? error.Message : error.Message + " " + error.Remedy);
                outcome = JobState.Stopped;
            }
            catch (ImageToolsException error)
            {
                failure = error;
                outcome = JobState.Failed;
            }
            catch (Exception error)
            {
                failure = new ImageToolsException(Engine.ErrorIds.UnexpectedFailure, $"The job failed unexpectedly: {error.Message}",
                    "Rerun the command; finished steps are recognised. Report the failure if it persists.", null, FailureCategory.NotSpecified, error);
                outcome = JobState.Failed;
            }

            lock (_gate)
            {
                // A terminating failure is also the job's last error record, as Receive-Job shows it.
                if (failure != null)
                    Error.Add(ToErrorRecord(failure));
                _finished = true;
                _status = outcome == JobState.Completed ? "Completed" : outcome == JobState.Stopped ? "Stopped" : "Failed";
                SetJobState(outcome);
            }
        }

        public override void StopJob()
        {
            var state = JobStateInfo.State;
            if (state == JobState.Completed || state == JobState.Failed || state == JobState.Stopped || state == JobState.NotStarted)
                return;
            SetJobState(JobState.Stopping);
            try { _cancellation.Cancel(); }
            catch (ObjectDisposedException) { }
            // The engine stops at its next await; Stop-Job returns once the job reads Stopped.
            _work?.Wait(StopWait);
        }

        public override string StatusMessage => _status;
        public override string Location => Environment.MachineName;
        public override bool HasMoreData =>
            Output.Count > 0 || Error.Count > 0 || Verbose.Count > 0 || Warning.Count > 0 || Progress.Count > 0;

        public void WriteObject(object item) => Write(() => Output.Add(PSObject.AsPSObject(item)));
        public void WriteError(ImageToolsException error) => Write(() => Error.Add(ToErrorRecord(error)));
        public void WriteVerbose(string message) => Write(() => Verbose.Add(new VerboseRecord(message)));
        public void WriteWarning(string message) => Write(() => Warning.Add(new WarningRecord(message)));

        public void WriteProgress(OperationProgress progress)
        {
            if (_interactive)
                Write(() => Progress.Add(CmdletSink.ToProgressRecord(progress)));
            else if (progress.Line != null)
                WriteVerbose(progress.Line);
        }

        /// <summary>
        /// Records added to a job are not written by a cmdlet, so the FullyQualifiedErrorId
        /// "&lt;RuleId&gt;,&lt;CmdletClass&gt;" a cmdlet's WriteError would make is composed here.
        /// </summary>
        private ErrorRecord ToErrorRecord(ImageToolsException error) =>
            CmdletSink.ToErrorRecord(error, CmdletSink.ErrorId(error) + "," + _cmdletType);

        /// <summary>One write at a time, in arrival order; late writes from stray threads after the end are dropped.</summary>
        private void Write(Action write)
        {
            lock (_gate)
            {
                if (!_finished)
                    write();
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                _cancellation.Dispose();
            base.Dispose(disposing);
        }
    }
}
