using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;

namespace ImageTools.Emulator.Tests;

/// <summary>
/// The emulator as a separate process, started the way scripts start it:
/// <c>dotnet ImageTools.Emulator.dll --port 0 --connection-file &lt;tmp&gt; …</c>.
/// Disposing kills it if it is still running and removes its temporary folder.
/// </summary>
internal sealed class EmulatorProcess : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    private readonly DirectoryInfo _dir;

    private EmulatorProcess(Process process, DirectoryInfo dir, string connectionFile)
    {
        Process = process;
        _dir = dir;
        ConnectionFile = connectionFile;
    }

    public Process Process { get; }
    public string ConnectionFile { get; }
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "ImageTools.Emulator.dll");

    /// <summary>Everything written to stdout and stderr so far.</summary>
    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <param name="extraArgs">Arguments after --port 0 --connection-file.</param>
    /// <param name="ignoreInterrupts">
    /// Start it with SIGINT and SIGQUIT ignored, as a non-interactive shell starts a background job
    /// (<c>emulator &amp;</c>): through /bin/sh, which sets the disposition and then execs dotnet in
    /// place (same process id).
    /// </param>
    public static EmulatorProcess Start(IEnumerable<string>? extraArgs = null, bool ignoreInterrupts = false)
    {
        Assert.True(File.Exists(Dll), Dll);
        var dir = Directory.CreateTempSubdirectory("emu-process-");
        var connectionFile = Path.Combine(dir.FullName, "connection.json");
        var arguments = new List<string> { Dll, "--port", "0", "--connection-file", connectionFile };
        arguments.AddRange(extraArgs ?? Array.Empty<string>());

        ProcessStartInfo info;
        if (ignoreInterrupts)
        {
            info = new ProcessStartInfo("/bin/sh");
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add("trap '' INT QUIT; exec dotnet \"$@\"");
            info.ArgumentList.Add("sh");
        }
        else info = new ProcessStartInfo("dotnet");
        foreach (var a in arguments) info.ArgumentList.Add(a);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;

        var process = new Process { StartInfo = info };
        var emulator = new EmulatorProcess(process, dir, connectionFile);
        process.OutputDataReceived += (_, e) => emulator.Append(e.Data);
        process.ErrorDataReceived += (_, e) => emulator.Append(e.Data);
        try
        {
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }
        catch
        {
            process.Dispose();
            dir.Delete(recursive: true);
            throw;
        }
        return emulator;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    /// <summary>Waits for the connection file and reads it.</summary>
    public async Task<JsonNode> WaitForConnectionFileAsync(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!File.Exists(ConnectionFile) && DateTime.UtcNow < deadline && !Process.HasExited) await Task.Delay(100);
        Assert.True(File.Exists(ConnectionFile), "connection file not written (" + (Process.HasExited ? "exited " + Process.ExitCode : "timeout") + "): " + Output);
        return JsonNode.Parse(await File.ReadAllTextAsync(ConnectionFile))!;
    }

    /// <summary>Sends a POSIX signal (kill(2)) to the process.</summary>
    public void Signal(int signal)
    {
        if (kill(Process.Id, signal) != 0) throw new InvalidOperationException($"kill({Process.Id}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>True when the process exited within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try { await Process.WaitForExitAsync(cts.Token); return true; }
        catch (OperationCanceledException) { return false; }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!Process.HasExited) Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync();
        }
        finally
        {
            Process.Dispose();
            try { _dir.Delete(recursive: true); } catch (IOException) { }
        }
    }

    public const int SIGINT = 2, SIGQUIT = 3, SIGTERM = 15;

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
