using System.Diagnostics;

namespace ImageTools.PowerShell.Tests.Infrastructure;

/// <summary>
/// A separate pwsh process (the repository's tool manifest: `dotnet pwsh`, PowerShell 7.6.9),
/// for scenarios that must start from a clean process, such as loading other versions of the
/// Azure libraries before the module. Killed with its process tree when it overruns.
/// </summary>
public static class ChildPwsh
{
    private static readonly Lazy<Task> ToolRestore = new(() => RunAsync(new[] { "tool", "restore" }, TimeSpan.FromMinutes(5))
        .ContinueWith(t =>
        {
            var (exit, stdout, stderr) = t.Result;
            if (exit != 0)
                throw new InvalidOperationException($"dotnet tool restore failed ({exit}): {stdout}\n{stderr}");
        }));

    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    /// <summary>Runs a script file with `dotnet pwsh -NoProfile -NonInteractive -File`, from the repository root.</summary>
    public static async Task<Result> RunFileAsync(string scriptPath, IEnumerable<string> arguments, TimeSpan timeout)
    {
        await ToolRestore.Value;
        var (exit, stdout, stderr) = await RunAsync(
            new[] { "pwsh", "-NoProfile", "-NonInteractive", "-File", scriptPath }.Concat(arguments), timeout);
        return new Result(exit, stdout, stderr);
    }

    private static async Task<(int, string, string)> RunAsync(IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["POWERSHELL_TELEMETRY_OPTOUT"] = "1";
        start.Environment["POWERSHELL_UPDATECHECK"] = "Off";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"dotnet {string.Join(" ", arguments)} did not end within {timeout}.");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
