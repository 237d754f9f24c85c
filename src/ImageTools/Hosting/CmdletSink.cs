using System;
using System.Management.Automation;
using ImageTools.Engine.Hosting;

namespace ImageTools.Hosting
{
    /// <summary>
    /// The engine's sink over a running cmdlet, called on the pipeline thread only (SinkRelay
    /// delivers there). Where nobody watches a progress bar (<see cref="HostPolicy.IsInteractive"/>
    /// false), a progress record becomes the verbose line it carries, or nothing.
    /// </summary>
    internal sealed class CmdletSink : IOperationSink
    {
        private readonly PSCmdlet _cmdlet;
        private readonly bool _interactive;

        public CmdletSink(PSCmdlet cmdlet, bool interactive)
        {
            _cmdlet = cmdlet;
            _interactive = interactive;
        }

        public void WriteVerbose(string message) => _cmdlet.WriteVerbose(message);
        public void WriteWarning(string message) => _cmdlet.WriteWarning(message);
        public void WriteObject(object item) => _cmdlet.WriteObject(item);
        public void WriteError(ImageToolsException error) => _cmdlet.WriteError(ToErrorRecord(error));

        public void WriteProgress(OperationProgress progress)
        {
            if (_interactive)
                _cmdlet.WriteProgress(ToProgressRecord(progress));
            else if (progress.Line != null)
                _cmdlet.WriteVerbose(progress.Line);
        }

        public static ProgressRecord ToProgressRecord(OperationProgress progress) =>
            new ProgressRecord(progress.ActivityId, progress.Activity, progress.Status)
            {
                PercentComplete = Math.Max(-1, Math.Min(100, progress.PercentComplete)),
                ParentActivityId = progress.ParentActivityId,
                RecordType = progress.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            };

        /// <summary>
        /// The error id is the rule id alone: PowerShell appends ",&lt;cmdlet class&gt;" when a cmdlet
        /// writes the record, which gives the FullyQualifiedErrorId "&lt;RuleId&gt;,&lt;CmdletClass&gt;".
        /// </summary>
        public static ErrorRecord ToErrorRecord(ImageToolsException error) => ToErrorRecord(error, ErrorId(error));

        /// <summary>An ErrorRecord with a given id (a job's records carry the full "&lt;RuleId&gt;,&lt;cmdlet class&gt;" themselves).</summary>
        public static ErrorRecord ToErrorRecord(ImageToolsException error, string errorId)
        {
            // The engine's failure categories are named after PowerShell's ErrorCategory members.
            var category = (ErrorCategory)Enum.Parse(typeof(ErrorCategory), error.Category.ToString());
            return new ErrorRecord(error, errorId, category, error.TargetId)
            {
                ErrorDetails = new ErrorDetails(error.Message) { RecommendedAction = error.Remedy ?? "" },
            };
        }

        public static string ErrorId(ImageToolsException error) =>
            string.IsNullOrWhiteSpace(error.RuleId) ? "ImageToolsError" : error.RuleId;
    }
}
