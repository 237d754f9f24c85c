using System.Collections.Concurrent;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Operations;

namespace ImageTools.Bench;

/// <summary>A non-interactive host like a runbook's: confirms every step, keeps results and errors, prints nothing but errors.</summary>
internal sealed class BenchHost : IOperationConsole
{
    public bool IsWhatIf => false;
    public CancellationToken Cancellation => CancellationToken.None;
    public ConcurrentQueue<object> Objects { get; } = new();
    public ConcurrentQueue<ImageToolsException> Errors { get; } = new();

    public bool Confirm(PlanStep step) => true;
    public void WriteVerbose(string message) { }
    public void WriteWarning(string message) { }
    public void WriteProgress(OperationProgress progress) { }
    public void WriteObject(object item) => Objects.Enqueue(item);

    public void WriteError(ImageToolsException error)
    {
        Errors.Enqueue(error);
        Console.Error.WriteLine($"  error [{error.RuleId}]: {error.Message}");
    }
}
