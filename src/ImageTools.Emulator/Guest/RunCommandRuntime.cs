namespace ImageTools.Emulator.Guest;

/// <summary>Execution state of a managed run command (instanceView).</summary>
internal sealed class RunCommandRuntime
{
    public string ExecutionState { get; set; } = "Pending";
    public string ExecutionMessage { get; set; } = "";
    public int? ExitCode { get; set; }
    public string Output { get; set; } = "";
    public string Error { get; set; } = "";
    public DateTimeOffset? StartTime { get; set; }
    public DateTimeOffset? EndTime { get; set; }
}
