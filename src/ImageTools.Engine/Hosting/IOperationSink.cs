namespace ImageTools.Engine.Hosting
{
    /// <summary>
    /// Where an operation reports: one way, nothing comes back. A cmdlet drains it onto its
    /// pipeline (or a job's streams); tests record it. Implementations are called from any
    /// thread (New-VmFromImage fans out) and must be thread-safe.
    /// </summary>
    public interface IOperationSink
    {
        void WriteVerbose(string message);

        void WriteWarning(string message);

        /// <summary>A progress bar's state; <see cref="OperationProgress.Line"/> says what a reader without bars is told instead.</summary>
        void WriteProgress(OperationProgress progress);

        /// <summary>One result object.</summary>
        void WriteObject(object item);

        /// <summary>A non-terminating, per-item failure; the operation goes on.</summary>
        void WriteError(ImageToolsException error);
    }
}
