using System.Collections;
using System.Reflection;
using ImageTools.Engine.Hosting;

namespace ImageTools.Demo;

/// <summary>
/// An IOperationHost that writes to the console the way PowerShell would show a cmdlet run
/// with -Force -Verbose: each planned write as a "Performing the operation" line, verbose and
/// warning lines, one line per progress change, and every result object as a list.
/// </summary>
internal sealed class ConsoleHost : IOperationHost
{
    private readonly object _gate = new();
    private readonly Dictionary<int, string> _lastProgress = new();

    public ConsoleHost(bool whatIf, CancellationToken cancellation)
    {
        IsWhatIf = whatIf;
        Cancellation = cancellation;
    }

    public bool IsWhatIf { get; }
    public bool IsInteractive => false;
    public CancellationToken Cancellation { get; }
    public List<object> Results { get; } = new();
    public List<ImageToolsException> Errors { get; } = new();

    public bool ShouldProcess(string target, string action)
    {
        Write(IsWhatIf ? $"What if: Performing the operation \"{action}\" on target \"{target}\"." :
            $"VERBOSE: Performing the operation \"{action}\" on target \"{target}\".");
        return !IsWhatIf;
    }

    /// <summary>The demo runs unattended: an irreversible step is shown and approved like any other.</summary>
    public bool ConfirmHighImpact(string target, string action) => ShouldProcess(target, action);

    public void WriteVerbose(string message) => Write("VERBOSE: " + message);
    public void WriteWarning(string message) => Write("WARNING: " + message);

    public void WriteProgress(OperationProgress progress)
    {
        lock (_gate)
        {
            var line = progress.ToString();
            if (_lastProgress.TryGetValue(progress.ActivityId, out var last) && last == line)
                return;
            _lastProgress[progress.ActivityId] = line;
        }
        Write("PROGRESS: " + progress);
    }

    public void WriteObject(object item)
    {
        lock (_gate)
        {
            Results.Add(item);
            Console.WriteLine();
            foreach (var line in FormatList(item))
                Console.WriteLine(line);
            Console.WriteLine();
        }
    }

    public void WriteError(ImageToolsException error)
    {
        lock (_gate)
            Errors.Add(error);
        Write($"ERROR: {error.Message} [{error.RuleId}]" + (error.Remedy == null ? "" : $"\n  Remedy: {error.Remedy}"));
    }

    private void Write(string line)
    {
        lock (_gate)
            Console.WriteLine(line);
    }

    /// <summary>Format-List of a result: one "Name : value" line per public property.</summary>
    public static IEnumerable<string> FormatList(object item)
    {
        var properties = item.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance);
        var width = properties.Max(p => p.Name.Length);
        foreach (var p in properties)
            yield return $"{p.Name.PadRight(width)} : {Show(p.GetValue(item))}";
    }

    private static string Show(object? value) => value switch
    {
        null => "",
        string s => s,
        IDictionary d => "{" + string.Join(", ", d.Keys.Cast<object>().Select(k => $"{k}={d[k]}")) + "}",
        IEnumerable e => "{" + string.Join(", ", e.Cast<object>()) + "}",
        _ => value.ToString() ?? "",
    };
}
