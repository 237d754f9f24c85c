using System.Diagnostics;
using System.Globalization;
using System.Text;
using ImageTools.Emulator;
using ImageTools.Emulator.Control;
using ImageTools.Engine;
using ImageTools.Engine.Requests;
using ImageTools.Models;

namespace ImageTools.Bench;

/// <summary>
/// Measures the engine against the emulator with fixed simulated operation times and writes the
/// figures to bench/results.md, each beside its goal, in one run:
///   1. engine overhead: the whole pipeline at 2 s per operation against the server time on its
///      critical path, and every poll checked against the Retry-After its operation asked for (OverheadBench);
///   2. ARM economy: requests per pipeline stage next to the stage's minimum plus its operations' follow-ups;
///   3. a 500-VM fleet at ThrottleLimit 50 under enforced budgets: 429s met, wall against the budget's time (FleetBench);
///   4. module import in pwsh: import time, first engine command, working set (ImportBench);
///   5. fan-out: New-VmFromImage -Count N at ThrottleLimit 10 versus 1;
///   6. throttle storm: 30 % of requests answered 429 with Retry-After: failures (must be 0) and wall time.
/// The engine runs with its own defaults (adaptive guest reads, first poll at the start response's Retry-After).
///
///   dotnet run -c Release --project bench/ImageTools.Bench [-- --count 30] [--vm-seconds 3] [--output bench/results.md]
///   dotnet run -c Release --project bench/ImageTools.Bench -- --import-only    (section 4 alone, rewritten in place)
/// </summary>
internal static class Program
{
    private const string Rg = "bench";

    public static async Task<int> Main(string[] args)
    {
        int count = (int)(Option(args, "--count") ?? 30);
        double vmSeconds = Option(args, "--vm-seconds") ?? 3;
        var output = OptionText(args, "--output") ?? Path.Combine(FindRepoRoot(), "bench", "results.md");

        await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions { Port = 0, Seed = 42 });
        var connectionFile = Path.Combine(Path.GetTempPath(), $"imagetools-bench-{Environment.ProcessId}.json");
        await emulator.WriteConnectionFileAsync(connectionFile);
        if (args.Contains("--import-only"))
        {
            var section = await ImportBench.MeasureAsync(FindRepoRoot(), connectionFile, runs: 5);
            File.Delete(connectionFile);
            var existing = File.Exists(output) ? await File.ReadAllTextAsync(output) : "# ImageTools benchmark results\n\n";
            await File.WriteAllTextAsync(output, ImportBench.ReplaceSection(existing, section));
            Console.WriteLine(section);
            return 0;
        }
        var loadBefore = Load();
        var options = new EngineOptions();
        var engine = await ImageToolsEngine.OpenAsync(new ConnectRequest { EmulatorConnectionFile = connectionFile }, null, options, CancellationToken.None);
        await emulator.Control.SetQuotaAsync("eastus", new Dictionary<string, long> { ["cores"] = 100_000, ["standardDSv5Family"] = 100_000 });
        await emulator.Control.SetQuotaAsync("westeurope", new Dictionary<string, long> { ["cores"] = 100_000, ["standardDSv5Family"] = 100_000 });

        // 1. Engine overhead and polling, 2 s per operation (first: the most CPU-sensitive figure).
        var overhead = await OverheadBench.RunAsync(engine, emulator, Rg);

        // 2. ARM economy, zero simulated time, in a session of its own (what a new Connect-ImageTools pays).
        var economy = new List<StageFigures>();
        var fresh = await ImageToolsEngine.OpenAsync(new ConnectRequest { EmulatorConnectionFile = connectionFile }, null, new EngineOptions(), CancellationToken.None);
        var version = await Economy(fresh, emulator, economy);

        // 3. The 500-VM fleet under enforced budgets, with an engine that paces itself.
        var pacing = await ImageToolsEngine.OpenAsync(new ConnectRequest { EmulatorConnectionFile = connectionFile }, null, FleetBench.Options(), CancellationToken.None);
        var fleet = await FleetBench.RunAsync(pacing, emulator, version, Rg);

        // 5. Fan-out with a fixed simulated VM creation time.
        await emulator.Control.SetTimingAsync(new TimingSettings { PerKind = { ["vmCreate"] = vmSeconds } });
        var fast = await FanOut(engine, emulator, version, "tl10", count, 10);
        var slow = await FanOut(engine, emulator, version, "tl1", count, 1);

        // 6. Throttle storm: the whole pipeline again, first calm, then with 30 % of requests throttled.
        await emulator.Control.SetTimingAsync(new TimingSettings());
        var calm = await Pipeline(engine, emulator, "calm", fanOut: 10);
        await emulator.Control.AddFaultAsync(new FaultRule { Kind = "status", Status = 429, RetryAfterSeconds = 1, Probability = 0.3 });
        var storm = await Pipeline(engine, emulator, "storm", fanOut: 10);
        await emulator.Control.ClearFaultsAsync();

        // 4. Module import in a fresh pwsh.
        var import = await ImportBench.MeasureAsync(FindRepoRoot(), connectionFile, runs: 5);
        var loadAfter = Load();

        var report = new StringBuilder();
        report.AppendLine("# ImageTools benchmark results");
        report.AppendLine();
        report.AppendLine($"Written by `bench/ImageTools.Bench` on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC in one run, {Environment.ProcessorCount} cores, .NET {Environment.Version}.");
        report.AppendLine($"Machine load (1/5/15-minute load average) {loadBefore} at the start, {loadAfter} at the end: the machine is shared, so");
        report.AppendLine("time figures are kept as ratios against what the server itself imposes.");
        report.AppendLine("The engine runs against the in-process emulator over HTTPS through the real Azure SDK with its defaults: each");
        report.AppendLine("operation's first poll waits for the Retry-After of the response that started it, later ones for the previous");
        report.AppendLine($"poll's; retries MaxRetries {options.MaxRetries}, back-off from {options.RetryDelay.TotalSeconds:0.#} s; the guest is read again at once, then after 1 s doubling up to {options.GuestPollInterval.TotalSeconds:0} s.");
        report.AppendLine();
        OverheadBench.Write(report, overhead);
        WriteEconomy(report, economy);
        FleetBench.Write(report, fleet);
        report.Append(import);
        report.AppendLine();
        WriteFanOut(report, count, vmSeconds, fast, slow);
        WriteStorm(report, calm, storm);

        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        await File.WriteAllTextAsync(output, report.ToString());
        File.Delete(connectionFile);
        Console.WriteLine(report);
        Console.WriteLine($"Written to {output}");
        var ok = overhead.EarlyPolls == 0 && fleet.Throttled == 0 && fleet.Failures == 0 && storm.Failures == 0 && fast.Failures == 0 && slow.Failures == 0;
        return ok ? 0 : 1;
    }

    private static string Load()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{parts[0]}/{parts[1]}/{parts[2]}";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    // ---------------------------------------------------------------- 2. ARM economy

    private sealed record StageFigures(string Stage, string Minimum, int MinimumCount, int Requests, int Writes, int Reads, int Polls, int Operations);

    private static async Task<string> Economy(ImageToolsEngine engine, EmulatorServer emulator, List<StageFigures> figures)
    {
        // A group of its own, so the VMs' virtual network is new here (section 1 made one in the bench group).
        const string group = Rg + "-economy";
        await emulator.Control.SeedVmAsync(new SeedVmRequest { ResourceGroup = group, Name = "base01", OsType = "Windows", HyperVGeneration = "V2", DataDisks = 1 });
        var host = new BenchHost();
        await emulator.Control.ClearRequestsAsync();

        var vm = await engine.GeneralizeAsync(new GeneralizeRequest { Vm = ResourceReference.FromName(group, "base01") }, host)
            ?? throw new InvalidOperationException("generalize returned nothing");
        figures.Add(await Stage(emulator, "Invoke-VmGeneralize (Windows, 1 data disk, snapshots on)",
            "GET VM; GET 2 snapshots (from an earlier run?); POST runCommand ×3 (domain probe with ImageState, Sysprep, the seal); PUT 2 snapshots; PATCH tags (merge); POST deallocate; POST generalize; GET VM", 12));

        var image = await engine.CaptureAsync(new CaptureRequest { Source = ResourceReference.FromId(vm.Id), ImageName = "base01-image" }, host)
            ?? throw new InvalidOperationException("capture returned nothing");
        figures.Add(await Stage(emulator, "New-CapturedImage (from the VM)", "GET VM; GET image (exists?); PUT image", 3));

        var regions = new[] { "eastus", "westeurope" };
        var published = await engine.PublishAsync(Publish(image.Id, group, "web", "2022", regions), host) ?? throw new InvalidOperationException("publish returned nothing");
        figures.Add(await Stage(emulator, "Publish-GalleryVersion (new gallery and definition, 2 regions, auto)",
            "GET image; GET gallery (missing; its 404 says the group exists, so no read of the group; no definition or version to read); " +
            "GET the Microsoft.Compute provider (where versions are offered: a region that is not is refused before the gallery is made; kept for the session); " +
            "PUT gallery, definition, version; GET version $expand=ReplicationStatus", 7));

        await engine.PublishAsync(Publish(image.Id, group, "web2", "2022b", regions), host);
        figures.Add(await Stage(emulator, "Publish-GalleryVersion again in the same session (existing gallery, new definition, 2 regions)",
            "GET image; GET gallery; list the gallery's definitions (web2 is not among them, and its publisher/offer/SKU is not taken: no versions to list); PUT definition, version; GET version $expand=ReplicationStatus (the provider's regions are the session's)", 6));

        await engine.DeployAsync(new DeployRequest
        {
            Source = ResourceReference.FromId(published.Id), ResourceGroupName = group, Name = "econ", Count = 3,
            Credential = new System.Net.NetworkCredential("azureops", "Bench-Passw0rd-1"),
        }, host);
        figures.Add(await Stage(emulator, "New-VmFromImage -Count 3 (new VNet)",
            "GET definition; GET version; GET group; list VMs; GET vmSizes; GET usages; GET skus; GET VNet; PUT VNet; " +
            "list the group's NICs (one read for all VMs: which an earlier run made); per VM PUT NIC + PUT VM", 10 + 2 * 3));

        await engine.DeployAsync(new DeployRequest
        {
            Source = ResourceReference.FromId(published.Id), ResourceGroupName = group, Name = "more", Count = 1,
            Credential = new System.Net.NetworkCredential("azureops", "Bench-Passw0rd-1"),
        }, host);
        figures.Add(await Stage(emulator, "New-VmFromImage -Count 1 again in the same session (the VNet exists)",
            "GET definition; GET version; GET group; list VMs; GET usages; GET VNet; list the group's NICs; PUT NIC + PUT VM (the location's VM sizes and SKUs are the session's)", 9));

        if (!host.Errors.IsEmpty)
            throw new InvalidOperationException($"The economy run failed: {host.Errors.First().Message}");
        return published.Id;
    }

    private static PublishRequest Publish(string imageId, string group, string definition, string sku, string[] regions)
    {
        var request = new PublishRequest
        {
            Source = ResourceReference.FromId(imageId), GalleryResourceGroupName = group, GalleryName = "benchgallery", DefinitionName = definition,
            Publisher = "bench", Offer = "web", Sku = sku, Version = "auto",
        };
        foreach (var region in regions)
            request.TargetRegions.Add(new TargetRegionRequest { Name = region, ReplicaCount = 1 });
        return request;
    }

    private static async Task<StageFigures> Stage(EmulatorServer emulator, string stage, string minimum, int minimumCount)
    {
        var log = await emulator.Control.GetRequestsAsync(clear: true);
        return new StageFigures(stage, minimum, minimumCount, log.Count,
            log.Count(r => r.Method != "GET" && r.Method != "HEAD"),
            log.Count(r => (r.Method == "GET" || r.Method == "HEAD") && !r.Poll),
            log.Count(r => r.Poll),
            log.Where(r => r.Poll).Select(r => r.OperationId).Distinct().Count());
    }

    private static void WriteEconomy(StringBuilder report, List<StageFigures> figures)
    {
        report.AppendLine("## 2. ARM economy (requests per stage, zero simulated time)");
        report.AppendLine();
        report.AppendLine("The goal of a stage is its minimum (the reads and writes its work needs) plus two follow-ups per long-running");
        report.AppendLine("operation (the status poll at its Retry-After, then its result or the resource it made, which the SDK reads).");
        report.AppendLine();
        report.AppendLine("| stage | requests | writes | reads | polls | operations | minimum | goal: minimum + 2 × operations | requests / goal | the minimum is |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var f in figures)
        {
            var goal = f.MinimumCount + 2 * f.Operations;
            report.AppendLine($"| {f.Stage} | {f.Requests} | {f.Writes} | {f.Reads} | {f.Polls} | {f.Operations} | {f.MinimumCount} | {goal} | **{(double)f.Requests / goal:F2}** | {f.Minimum} |");
        }
        report.AppendLine();
        report.AppendLine("The stages run in a session of their own, as after a new Connect-ImageTools. Publish counts one read of the");
        report.AppendLine("Microsoft.Compute provider in its minimum: it is the check that refuses a region where versions are not offered");
        report.AppendLine("before the gallery and the definition are made. The session keeps that answer (and the subscription's locations,");
        report.AppendLine("read only to explain a refused region), so the second publish does not read it again. New-VmFromImage finds the");
        report.AppendLine("NICs an earlier run made in one list of the group's network interfaces instead of one read per VM; the session");
        report.AppendLine("keeps a location's VM sizes and SKUs (not its usages: the quota check reads them each time).");
        report.AppendLine();
    }

    // ---------------------------------------------------------------- 5. fan-out

    private sealed record FanOutFigures(int ThrottleLimit, TimeSpan Wall, int Created, int Failures, int MaxInFlight);

    private static async Task<FanOutFigures> FanOut(ImageToolsEngine engine, EmulatorServer emulator, string versionId, string name, int count, int throttle)
    {
        var host = new BenchHost();
        await emulator.Control.ClearRequestsAsync();
        var clock = Stopwatch.StartNew();
        await engine.DeployAsync(new DeployRequest
        {
            Source = ResourceReference.FromId(versionId), ResourceGroupName = Rg, Name = name, Count = count, ThrottleLimit = throttle,
            Credential = new System.Net.NetworkCredential("azureops", "Bench-Passw0rd-1"),
        }, host);
        clock.Stop();
        var log = await emulator.Control.GetRequestsAsync(clear: true);
        Console.WriteLine($"fan-out ThrottleLimit {throttle}: {clock.Elapsed.TotalSeconds:F1} s, {host.Objects.Count} VMs, {host.Errors.Count} errors");
        return new FanOutFigures(throttle, clock.Elapsed, host.Objects.Count, host.Errors.Count, MaxVmCreationsInFlight(log));
    }

    /// <summary>The most VM creations running at once: a VM is in creation from its PUT to the last request on its path.</summary>
    private static int MaxVmCreationsInFlight(List<RequestLogEntry> log)
    {
        var spans = log
            .Where(r => r.Path.Contains("/virtualMachines/", StringComparison.OrdinalIgnoreCase) && r.Path.Count(c => c == '/') == 8)
            .GroupBy(r => r.Path.ToLowerInvariant())
            .Where(g => g.Any(r => r.Method == "PUT"))
            .Select(g => (Start: g.Where(r => r.Method == "PUT").Min(r => r.Time), End: g.Max(r => r.Time.AddMilliseconds(r.DurationMs))))
            .ToList();
        return spans.Count == 0 ? 0 : spans.Max(s => spans.Count(o => o.Start <= s.Start && o.End > s.Start));
    }

    private static void WriteFanOut(StringBuilder report, int count, double vmSeconds, FanOutFigures fast, FanOutFigures slow)
    {
        var ideal = Math.Ceiling(count / 10.0) * vmSeconds;
        var ratio = slow.Wall.TotalSeconds / fast.Wall.TotalSeconds;
        report.AppendLine($"## 5. Fan-out: New-VmFromImage -Count {count}, one VM's simulated creation {vmSeconds:0.##} s");
        report.AppendLine();
        report.AppendLine("| ThrottleLimit | wall time | VMs created | failures | most VM creations in flight |");
        report.AppendLine("|---:|---:|---:|---:|---:|");
        foreach (var f in new[] { fast, slow })
            report.AppendLine($"| {f.ThrottleLimit} | {f.Wall.TotalSeconds:F1} s | {f.Created} | {f.Failures} | {f.MaxInFlight} |");
        report.AppendLine();
        report.AppendLine($"- Ratio ThrottleLimit 1 / ThrottleLimit 10: **{ratio:F1}×** (target ≥ 8).");
        report.AppendLine($"- ThrottleLimit 10 against the ideal ceil({count}/10) × {vmSeconds:0.##} s = {ideal:0.#} s: **{fast.Wall.TotalSeconds / ideal:F2}×** the ideal.");
        report.AppendLine("  Each VM's first poll waits for the Retry-After its create asked for, which the emulator sets to the time");
        report.AppendLine("  the operation has left (rounded up to whole seconds), so each VM costs at least its simulated time.");
        report.AppendLine();
    }

    // ---------------------------------------------------------------- 6. throttle storm

    private sealed record PipelineFigures(string Label, TimeSpan Wall, int Requests, int Throttled, int Failures);

    private static async Task<PipelineFigures> Pipeline(ImageToolsEngine engine, EmulatorServer emulator, string label, int fanOut)
    {
        var host = new BenchHost();
        var baseName = label + "-base";
        await emulator.Control.SeedVmAsync(new SeedVmRequest { ResourceGroup = Rg, Name = baseName, OsType = "Linux", HyperVGeneration = "V2" });
        await emulator.Control.ClearRequestsAsync();
        var failures = 0;
        var clock = Stopwatch.StartNew();
        try
        {
            var vm = await engine.GeneralizeAsync(new GeneralizeRequest { Vm = ResourceReference.FromName(Rg, baseName) }, host);
            var version = await engine.PublishAsync(new PublishRequest
            {
                Source = ResourceReference.FromId(vm!.Id), GalleryResourceGroupName = Rg, GalleryName = "storm" + label, DefinitionName = "app",
                Publisher = "bench", Offer = "app", Sku = label, Version = "auto",
                TargetRegions = { new TargetRegionRequest { Name = "eastus" }, new TargetRegionRequest { Name = "westeurope" } },
            }, host);
            await engine.DeployAsync(new DeployRequest
            {
                Source = ResourceReference.FromId(version!.Id), ResourceGroupName = Rg, Name = label, Count = fanOut, ThrottleLimit = 1,
                SshPublicKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f bench@imagetools",
            }, host);
        }
        catch (ImageTools.Engine.Hosting.ImageToolsException e)
        {
            failures++;
            Console.Error.WriteLine($"  {label} failed [{e.RuleId}]: {e.Message}");
        }
        clock.Stop();
        failures += host.Errors.Count;
        var log = await emulator.Control.GetRequestsAsync(clear: true);
        Console.WriteLine($"pipeline {label}: {clock.Elapsed.TotalSeconds:F1} s, {log.Count} requests, {log.Count(r => r.Status == 429)} throttled, {failures} failures");
        return new PipelineFigures(label, clock.Elapsed, log.Count, log.Count(r => r.Status == 429), failures);
    }

    private static void WriteStorm(StringBuilder report, PipelineFigures calm, PipelineFigures storm)
    {
        report.AppendLine("## 6. Throttle storm: 30 % of requests answered 429 with Retry-After: 1");
        report.AppendLine();
        report.AppendLine("Pipeline: Invoke-VmGeneralize (Linux) → Publish-GalleryVersion (2 regions) → New-VmFromImage -Count 10 -ThrottleLimit 1, zero simulated");
        report.AppendLine("time. Every request is serial, so the ideal is the calm run plus one Retry-After (1 s) for each 429 answered: a client");
        report.AppendLine("that waits exactly what the server asks and no more.");
        report.AppendLine();
        report.AppendLine("| run | wall time | requests | answered 429 | failures |");
        report.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var p in new[] { calm, storm })
            report.AppendLine($"| {p.Label} | {p.Wall.TotalSeconds:F1} s | {p.Requests} | {p.Throttled} | {p.Failures} |");
        report.AppendLine();
        report.AppendLine($"- Failures under the storm: **{storm.Failures}** (must be 0).");
        var ideal = calm.Wall.TotalSeconds + storm.Throttled * 1.0;
        report.AppendLine($"- Wall time against the ideal ({calm.Wall.TotalSeconds:F1} s + {storm.Throttled} × 1 s = {ideal:F1} s): **{storm.Wall.TotalSeconds / ideal:F2}×**.");
        report.AppendLine("  Above 1 where one request is throttled twice in a row: the SDK's retry back-off (exponential from");
        report.AppendLine("  EngineOptions.RetryDelay) then exceeds the 1 s the server asked for.");
        report.AppendLine();
    }

    // ---------------------------------------------------------------- helpers

    private static double? Option(string[] args, string name) =>
        OptionText(args, name) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : null;

    private static string? OptionText(string[] args, string name)
    {
        var i = Array.FindIndex(args, a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ImageTools.sln")))
                return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
