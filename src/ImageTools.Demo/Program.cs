using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using ImageTools.Emulator;
using ImageTools.Emulator.Control;

namespace ImageTools.Demo;

/// <summary>
/// The main job on the embedded emulator, through the real cmdlets: starts the emulator
/// in-process, seeds base VMs as an admin would have configured them by hand, then runs
/// examples/Demo.ps1 in the repository's own pwsh (dotnet tool restore; the tool manifest pins
/// PowerShell) against it. What is printed is what PowerShell prints. The child pwsh is
/// stopped with the demo, also on Ctrl+C or failure.
///
///   dotnet run --project src/ImageTools.Demo [-- --whatif] [--operation-seconds 0.5]
/// </summary>
internal static class Program
{
    public const string ResourceGroup = "imagetools-demo";

    public static async Task<int> Main(string[] args)
    {
        var whatIf = args.Contains("--whatif", StringComparer.OrdinalIgnoreCase);
        var seconds = OptionValue(args, "--operation-seconds") ?? 0;
        var root = RepoRoot();

        await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions { Port = 0, OperationSeconds = seconds });
        var connectionFile = Path.Combine(Path.GetTempPath(), $"imagetools-demo-{Environment.ProcessId}.json");
        await emulator.WriteConnectionFileAsync(connectionFile);
        Console.WriteLine($"Emulator listening at {emulator.Endpoint} (connection file {connectionFile})");
        try
        {
            foreach (var vm in BaseVms())
            {
                await emulator.Control.SeedVmAsync(vm);
                Console.WriteLine($"Base VM {ResourceGroup}/{vm.Name}: {vm.ImageUrn}, running, configured by hand.");
            }

            if (await RunAsync(root, "dotnet", ["tool", "restore"], quiet: true) != 0)
            {
                Console.Error.WriteLine("dotnet tool restore failed: pwsh (the PowerShell tool of .config/dotnet-tools.json) is not available.");
                return 1;
            }
            var scriptName = ScriptName(args) ?? "Demo.ps1";
            var script = new List<string> { "pwsh", "-NoProfile", "-NonInteractive", "-File", Path.Combine(root, "examples", scriptName), "-ConnectionFile", connectionFile };
            if (whatIf)
                script.Add("-WhatIf");
            var exit = await RunAsync(root, "dotnet", script, quiet: false);

            var writes = (await emulator.Control.GetRequestsAsync()).Count(r => r.Method != "GET");
            Console.WriteLine();
            Console.WriteLine($"Done: pwsh exited with {exit}; the emulator saw {writes} ARM writes.");
            return exit;
        }
        finally
        {
            File.Delete(connectionFile);
        }
    }

    private static SeedVmRequest[] BaseVms() =>
    [
        new() { ResourceGroup = ResourceGroup, Name = "web-base01", OsType = "Windows", HyperVGeneration = "V2",
            ImageUrn = "MicrosoftWindowsServer:WindowsServer:2022-datacenter-g2:latest", DataDisks = 1 },
        new() { ResourceGroup = ResourceGroup, Name = "legacy-base01", OsType = "Windows", HyperVGeneration = "V1", VmSize = "Standard_D2s_v3",
            ImageUrn = "MicrosoftWindowsServer:WindowsServer:2022-datacenter:latest" },
        new() { ResourceGroup = ResourceGroup, Name = "app-base01", OsType = "Linux", HyperVGeneration = "V2",
            ImageUrn = "Canonical:0001-com-ubuntu-server-jammy:22_04-lts-gen2:latest" },
        new() { ResourceGroup = ResourceGroup, Name = "dr-base01", OsType = "Windows", HyperVGeneration = "V2",
            ImageUrn = "MicrosoftWindowsServer:WindowsServer:2022-datacenter-g2:latest" },
        // examples/GoldenVm.ps1: a golden VM kept running, and one whose Sysprep fails.
        new() { ResourceGroup = ResourceGroup, Name = "golden01", OsType = "Windows", HyperVGeneration = "V2",
            ImageUrn = "MicrosoftWindowsServer:WindowsServer:2022-datacenter-g2:latest", DataDisks = 1 },
        new() { ResourceGroup = ResourceGroup, Name = "broken01", OsType = "Windows", HyperVGeneration = "V2",
            ImageUrn = "MicrosoftWindowsServer:WindowsServer:2022-datacenter-g2:latest", Guest = new GuestTraits { SysprepOutcome = "failed" } },
    ];

    /// <summary>--script &lt;file in examples/&gt;: another demo script than Demo.ps1.</summary>
    private static string? ScriptName(string[] args)
    {
        var i = Array.FindIndex(args, a => string.Equals(a, "--script", StringComparison.OrdinalIgnoreCase));
        return i >= 0 && i + 1 < args.Length ? Path.GetFileName(args[i + 1]) : null;
    }

    /// <summary>Runs a child process in <paramref name="directory"/>; it is killed (with its children) if the demo is stopped.</summary>
    private static async Task<int> RunAsync(string directory, string file, IEnumerable<string> arguments, bool quiet)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, UseShellExecute = false, RedirectStandardOutput = quiet, RedirectStandardError = quiet };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; stop.Cancel(); };
        Console.CancelKeyPress += onCancel;
        using var onExit = PosixSignalRegistrationOrNull(stop);
        try
        {
            var output = quiet ? process.StandardOutput.ReadToEndAsync() : Task.FromResult("");
            var error = quiet ? process.StandardError.ReadToEndAsync() : Task.FromResult("");
            await process.WaitForExitAsync(stop.Token);
            if (quiet && process.ExitCode != 0)
                Console.Error.WriteLine(await output + await error);
            return process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return 130;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
    }

    private static IDisposable? PosixSignalRegistrationOrNull(CancellationTokenSource stop) =>
        OperatingSystem.IsWindows() ? null : System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, context => { context.Cancel = true; stop.Cancel(); });

    private static string RepoRoot() =>
        typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "RepoRoot").Value!;

    private static double? OptionValue(string[] args, string name)
    {
        var i = Array.FindIndex(args, a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));
        return i >= 0 && i + 1 < args.Length ? double.Parse(args[i + 1], CultureInfo.InvariantCulture) : null;
    }
}
