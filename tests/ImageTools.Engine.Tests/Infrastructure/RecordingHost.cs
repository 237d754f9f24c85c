using System.Collections.Concurrent;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Tests.Infrastructure;

/// <summary>An IOperationHost that records everything the engine tells it, for assertions.</summary>
public sealed class RecordingHost : IOperationHost
{
    private readonly CancellationTokenSource _cancel = new();

    public bool IsWhatIf { get; init; }
    public bool IsInteractive { get; init; }

    /// <summary>What ShouldProcess answers outside -WhatIf (the user's yes or no).</summary>
    public bool Confirm { get; init; } = true;

    public ConcurrentQueue<(string Target, string Action)> ShouldProcessCalls { get; } = new();
    public ConcurrentQueue<string> Verbose { get; } = new();
    public ConcurrentQueue<string> Warnings { get; } = new();
    public ConcurrentQueue<OperationProgress> Progress { get; } = new();
    public ConcurrentQueue<object> Objects { get; } = new();
    public ConcurrentQueue<ImageToolsException> Errors { get; } = new();

    /// <summary>Called with each verbose message (lets a test react to a step, e.g. press Ctrl+C).</summary>
    public Action<string>? OnVerbose { get; init; }

    public CancellationToken Cancellation => _cancel.Token;

    public void Cancel() => _cancel.Cancel();

    public bool ShouldProcess(string target, string action)
    {
        ShouldProcessCalls.Enqueue((target, action));
        return !IsWhatIf && Confirm;
    }

    /// <summary>Steps the plan marks irreversible, also recorded in ShouldProcessCalls in plan order.</summary>
    public ConcurrentQueue<(string Target, string Action)> HighImpactCalls { get; } = new();

    /// <summary>What ConfirmHighImpact answers outside -WhatIf, on top of <see cref="Confirm"/>.</summary>
    public bool ConfirmIrreversible { get; init; } = true;

    public bool ConfirmHighImpact(string target, string action)
    {
        HighImpactCalls.Enqueue((target, action));
        return ShouldProcess(target, action) && ConfirmIrreversible;
    }

    public void WriteVerbose(string message)
    {
        Verbose.Enqueue(message);
        OnVerbose?.Invoke(message);
    }

    public void WriteWarning(string message) => Warnings.Enqueue(message);
    public void WriteProgress(OperationProgress progress) => Progress.Enqueue(progress);
    public void WriteObject(object item) => Objects.Enqueue(item);
    public void WriteError(ImageToolsException error) => Errors.Enqueue(error);

    public override string ToString() =>
        "verbose:\n  " + string.Join("\n  ", Verbose) + "\nwarnings:\n  " + string.Join("\n  ", Warnings);
}
