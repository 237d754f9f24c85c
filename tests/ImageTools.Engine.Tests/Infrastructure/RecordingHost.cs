using System.Collections.Concurrent;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Operations;

namespace ImageTools.Engine.Tests.Infrastructure;

/// <summary>
/// A caller without PowerShell for <see cref="OperationRunner"/>: a sink that records everything
/// the engine reports, and the answers to the plan's steps.
/// </summary>
public sealed class RecordingHost : IOperationConsole
{
    private readonly CancellationTokenSource _cancel = new();

    public bool IsWhatIf { get; init; }

    /// <summary>What a step is answered outside -WhatIf (the user's yes or no).</summary>
    public bool Confirm { get; init; } = true;

    /// <summary>Every plan step asked, in plan order.</summary>
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

    /// <summary>Steps the plan marks irreversible, also recorded in ShouldProcessCalls in plan order.</summary>
    public ConcurrentQueue<(string Target, string Action)> HighImpactCalls { get; } = new();

    /// <summary>What an irreversible step is answered outside -WhatIf, on top of <see cref="Confirm"/>.</summary>
    public bool ConfirmIrreversible { get; init; } = true;

    bool IOperationConsole.Confirm(PlanStep step)
    {
        if (step.HighImpact)
            HighImpactCalls.Enqueue((step.Target, step.Action));
        ShouldProcessCalls.Enqueue((step.Target, step.Action));
        return !IsWhatIf && Confirm && (!step.HighImpact || ConfirmIrreversible);
    }

    public void WriteVerbose(string message)
    {
        Verbose.Enqueue(message);
        OnVerbose?.Invoke(message);
    }

    public void WriteWarning(string message) => Warnings.Enqueue(message);
    /// <summary>Keeps the record, and its line as a verbose message, as a reader without progress bars (a runbook) gets it.</summary>
    public void WriteProgress(OperationProgress progress)
    {
        Progress.Enqueue(progress);
        if (progress.Line != null)
            WriteVerbose(progress.Line);
    }
    public void WriteObject(object item) => Objects.Enqueue(item);
    public void WriteError(ImageToolsException error) => Errors.Enqueue(error);

    public override string ToString() =>
        "verbose:\n  " + string.Join("\n  ", Verbose) + "\nwarnings:\n  " + string.Join("\n  ", Warnings);
}
