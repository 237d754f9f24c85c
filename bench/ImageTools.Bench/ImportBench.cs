using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ImageTools.Bench;

/// <summary>
/// Section 4 of the results: Import-Module of the staged module in a fresh pwsh (the repository's
/// tool, 7.6.9), the first command (Connect-ImageTools to the emulator, which loads the engine and
/// its Azure libraries into the private context), and the
/// working set before and after. Each run is a new process; the median of the runs is reported.
/// </summary>
internal static class ImportBench
{
    public const string Heading = "## 4. Module import in pwsh";

    private const string Script = """
        $ws0 = [Environment]::WorkingSet
        $sw = [Diagnostics.Stopwatch]::StartNew()
        Import-Module 'MANIFEST' -ErrorAction Stop
        $import = $sw.Elapsed.TotalMilliseconds
        $sw.Restart()
        $null = Connect-ImageTools -EmulatorConnectionFile 'CONNECTION'
        $first = $sw.Elapsed.TotalMilliseconds
        [GC]::Collect()
        $ws1 = [Environment]::WorkingSet
        $loaded = @([Runtime.Loader.AssemblyLoadContext]::All | Where-Object { $_.GetType().Name -eq 'EngineLoadContext' } | ForEach-Object { $_.Assemblies }).Count
        '{0};{1};{2};{3};{4}' -f $import, $first, $ws0, $ws1, $loaded
        """;

    public static async Task<string> MeasureAsync(string repoRoot, string connectionFile, int runs)
    {
        var manifest = Path.Combine(repoRoot, "out", "ImageTools", "ImageTools.psd1");
        if (!File.Exists(manifest))
            throw new InvalidOperationException($"{manifest} is missing: dotnet build src/ImageTools -c Release first.");
        var samples = new List<double[]>();
        for (int i = 0; i < runs; i++)
        {
            var line = await RunPwshAsync(repoRoot, Script.Replace("MANIFEST", manifest.Replace("'", "''")).Replace("CONNECTION", connectionFile.Replace("'", "''")));
            samples.Add(line.Split(';').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray());
        }
        double Median(int column)
        {
            var sorted = samples.Select(s => s[column]).OrderBy(v => v).ToArray();
            return sorted[sorted.Length / 2];
        }
        var mb = 1024.0 * 1024.0;
        var report = new StringBuilder();
        report.AppendLine(Heading);
        report.AppendLine();
        report.AppendLine($"`Import-Module out/ImageTools/ImageTools.psd1` in `pwsh -NoProfile -NonInteractive` 7.6.9 (the tool manifest's), a new process per run, median of {runs}; measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.");
        report.AppendLine();
        report.AppendLine("| what | median |");
        report.AppendLine("|---|---:|");
        report.AppendLine($"| Import-Module (cmdlets scanned; the engine not loaded yet) | {Median(0):0} ms |");
        report.AppendLine($"| first command: `Connect-ImageTools` to the emulator (the engine and its Azure libraries load; one HTTPS round trip) | {Median(1):0} ms |");
        report.AppendLine($"| working set before the import | {Median(2) / mb:0} MiB |");
        report.AppendLine($"| working set after the import and the first command | {Median(3) / mb:0} MiB (+{(Median(3) - Median(2)) / mb:0} MiB) |");
        report.AppendLine($"| assemblies in the engine's private load context | {Median(4):0} |");
        return report.ToString();
    }

    /// <summary>Replaces (or appends) section 4 of an existing results file, keeping the sections after it.</summary>
    public static string ReplaceSection(string results, string section)
    {
        var at = results.IndexOf(Heading, StringComparison.Ordinal);
        if (at < 0)
            return results.TrimEnd() + Environment.NewLine + Environment.NewLine + section;
        var next = results.IndexOf("\n## ", at + Heading.Length, StringComparison.Ordinal);
        return results[..at] + section + (next < 0 ? "" : Environment.NewLine + results[(next + 1)..]);
    }

    private static async Task<string> RunPwshAsync(string directory, string script)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "pwsh", "-NoProfile", "-NonInteractive", "-Command", script })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            var last = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
            if (process.ExitCode != 0 || last == null || last.Split(';').Length != 5)
                throw new InvalidOperationException($"pwsh exited with {process.ExitCode}: {await output}{await error}");
            return last;
        }
        finally
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
    }
}
