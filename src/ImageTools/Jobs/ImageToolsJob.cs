using System;
using System.Management.Automation;
using System.Threading.Tasks;
using ImageTools.Engine.Hosting;
using ImageTools.Hosting;

namespace ImageTools.Jobs
{
    /// <summary>
    /// The job -AsJob returns (Get-Job, Receive-Job, Wait-Job, Stop-Job work on it). A thin
    /// shell over the engine's JobRunner: the runner runs the operation on the thread pool and
    /// feeds this job's Output, Error, Verbose, Warning and Progress collections, in order.
    /// </summary>
    internal sealed class ImageToolsJob : Job, IJobSink
    {
        public const string TypeName = "ImageToolsJob";

        private readonly JobRunner _runner;
        private readonly string _cmdletType;
        private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(60);
        private volatile string _status = "Not started";

        public ImageToolsJob(string command, string cmdletType, bool interactive) : base(command)
        {
            PSJobTypeName = TypeName;
            _cmdletType = cmdletType;
            _runner = new JobRunner(this, interactive);
        }

        public void Start(Func<IOperationHost, Task> work)
        {
            SetJobState(JobState.Running);
            _status = "Running";
            _runner.Start(work);
        }

        public override void StopJob()
        {
            var state = JobStateInfo.State;
            if (state == JobState.Completed || state == JobState.Failed || state == JobState.Stopped || state == JobState.NotStarted)
                return;
            SetJobState(JobState.Stopping);
            _runner.Stop();
            // The engine stops at its next await; Stop-Job returns once the job reads Stopped.
            _runner.Completion.Wait(StopWait);
        }

        public override string StatusMessage => _status;
        public override string Location => Environment.MachineName;
        public override bool HasMoreData =>
            Output.Count > 0 || Error.Count > 0 || Verbose.Count > 0 || Warning.Count > 0 || Progress.Count > 0;

        void IJobSink.Output(object item) => Output.Add(PSObject.AsPSObject(item));

        void IJobSink.Error(ImageToolsException error) =>
            Error.Add(CmdletHost.ToErrorRecord(error, JobPolicy.ErrorId(error, _cmdletType)));

        void IJobSink.Verbose(string message) => Verbose.Add(new VerboseRecord(message));
        void IJobSink.Warning(string message) => Warning.Add(new WarningRecord(message));
        void IJobSink.Progress(OperationProgress progress) => Progress.Add(CmdletHost.ToProgressRecord(progress));

        void IJobSink.Finished(JobOutcome outcome, ImageToolsException? failure)
        {
            _status = outcome.ToString();
            switch (outcome)
            {
                case JobOutcome.Completed: SetJobState(JobState.Completed); break;
                case JobOutcome.Stopped: SetJobState(JobState.Stopped); break;
                default: SetJobState(JobState.Failed); break; // the failure is the last record of Error
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                _runner.Dispose();
            base.Dispose(disposing);
        }
    }
}
