using System.Diagnostics;
using System.Net;
using System.Text;
using ImageTools.Emulator;
using ImageTools.Emulator.Control;
using ImageTools.Engine;
using ImageTools.Engine.Requests;
using ImageTools.Models;

namespace ImageTools.Bench;

/// <summary>
/// Section 1: the whole pipeline (Windows Gen2 VM → Invoke-VmGeneralize → Publish-GalleryVersion to
/// eastus → New-VmFromImage -Count 3) with every simulated operation taking 2 s, its wall time
/// against the server time on its critical path, and every poll checked against the Retry-After
/// the previous response of its operation asked for.
/// </summary>
internal static class OverheadBench
{
    public const double Seconds = 2;

    /// <summary>
    /// The server's own time on the critical path: what no client can avoid, each step waiting on the one before.
    /// Reads and the synchronous writes (the tags merge, generalize) take no simulated time.
    /// </summary>
    public static readonly (string Step, double Seconds)[] CriticalPath =
    {
        ("domain probe (run command)", Seconds),
        ("pre-generalize snapshots (side by side)", Seconds),
        ("Sysprep's run command", Seconds),
        ("Sysprep in the guest (the ImageState reading overlaps it)", Seconds),
        ("deallocate (powers the guest off)", Seconds),
        ("gallery", Seconds),
        ("image definition", Seconds),
        ("image version", Seconds),
        ("replication to eastus", Seconds),
        ("virtual network", Seconds),
        ("network interfaces (side by side)", Seconds),
        ("VMs (side by side)", Seconds),
    };

    public sealed record Figures(TimeSpan Wall, double CriticalSeconds, int Requests, int Polls, int EarlyPolls, int FirstPollsWaited, int Operations,
        TimeSpan Generalize, TimeSpan Publish, TimeSpan Deploy, int ImageStateReads);

    public static async Task<Figures> RunAsync(ImageToolsEngine engine, EmulatorServer emulator, string rg)
    {
        await emulator.Control.SeedVmAsync(new SeedVmRequest { ResourceGroup = rg, Name = "ovh01", OsType = "Windows", HyperVGeneration = "V2" });
        await emulator.Control.SetTimingAsync(new TimingSettings { OperationSeconds = Seconds });
        await emulator.Control.ClearRequestsAsync();
        var host = new BenchHost();
        var clock = Stopwatch.StartNew();
        var vm = await engine.GeneralizeAsync(new GeneralizeRequest { Vm = ResourceReference.FromName(rg, "ovh01") }, host)
            ?? throw new InvalidOperationException("generalize returned nothing");
        var generalized = clock.Elapsed;
        var version = await engine.PublishAsync(new PublishRequest
        {
            Source = ResourceReference.FromId(vm.Id), GalleryResourceGroupName = rg, GalleryName = "ovhgallery", DefinitionName = "web",
            Publisher = "bench", Offer = "ovh", Sku = "2022", Version = "auto",
            TargetRegions = { new TargetRegionRequest { Name = "eastus", ReplicaCount = 1 } },
        }, host) ?? throw new InvalidOperationException("publish returned nothing");
        var published = clock.Elapsed;
        await engine.DeployAsync(new DeployRequest
        {
            Source = ResourceReference.FromId(version.Id), ResourceGroupName = rg, Name = "ovh", Count = 3,
            Credential = new NetworkCredential("azureops", "Bench-Passw0rd-1"),
        }, host);
        clock.Stop();
        await emulator.Control.SetTimingAsync(new TimingSettings());
        if (!host.Errors.IsEmpty || host.Objects.OfType<VmInfo>().Count(v => v.Name.StartsWith("ovh-", StringComparison.Ordinal)) != 3)
            throw new InvalidOperationException("the overhead pipeline failed");
        var log = await emulator.Control.GetRequestsAsync(clear: true);
        var polls = log.Where(r => r.Poll).ToList();
        var firsts = polls.GroupBy(p => p.OperationId).Select(g => g.OrderBy(p => p.Sequence).First()).ToList();
        Console.WriteLine($"overhead pipeline: {clock.Elapsed.TotalSeconds:F2} s, {log.Count} requests, {polls.Count(p => p.EarlyPoll == true)} early polls");
        var scripts = (await emulator.Control.GetGuestAsync(rg, "ovh01")).Scripts!;
        return new Figures(clock.Elapsed, CriticalPath.Sum(s => s.Seconds), log.Count, polls.Count, polls.Count(p => p.EarlyPoll == true),
            firsts.Count(p => p.PreviousRetryAfterSeconds > 0), firsts.Count, generalized, published - generalized, clock.Elapsed - published,
            scripts.Count(s => s.Contains("ImageState", StringComparison.Ordinal)));
    }

    public static void Write(StringBuilder report, Figures f)
    {
        var ratio = f.Wall.TotalSeconds / f.CriticalSeconds;
        report.AppendLine("## 1. Engine overhead and polling (every simulated operation 2 s)");
        report.AppendLine();
        report.AppendLine("Windows Gen2 VM → Invoke-VmGeneralize → Publish-GalleryVersion (eastus) → New-VmFromImage -Count 3, in process");
        report.AppendLine("through the real SDK over HTTPS; every long-running operation, run command, Sysprep and replication takes 2 s.");
        report.AppendLine($"Critical-path server time {f.CriticalSeconds:0} s: " + string.Join(" → ", CriticalPath.Select(s => s.Step)) + $", {Seconds:0} s each.");
        report.AppendLine();
        report.AppendLine($"engine overhead: **{ratio:F3}×** ({f.Wall.TotalSeconds:F2} s wall / {f.CriticalSeconds:0} s critical-path server time; goal ≤ 1.05×)");
        report.AppendLine();
        report.AppendLine($"polls before Retry-After: **{f.EarlyPolls}** of {f.Polls} polls (goal 0); {f.FirstPollsWaited} of the {f.Operations} operations' first polls followed a start response that asked for a wait, each polled no sooner");
        report.AppendLine();
        report.AppendLine("| stage | wall | its critical-path server time | ratio |");
        report.AppendLine("|---|---:|---:|---:|");
        report.AppendLine($"| Invoke-VmGeneralize | {f.Generalize.TotalSeconds:F2} s | {5 * Seconds:0} s | {f.Generalize.TotalSeconds / (5 * Seconds):F3}× |");
        report.AppendLine($"| Publish-GalleryVersion | {f.Publish.TotalSeconds:F2} s | {4 * Seconds:0} s | {f.Publish.TotalSeconds / (4 * Seconds):F3}× |");
        report.AppendLine($"| New-VmFromImage -Count 3 | {f.Deploy.TotalSeconds:F2} s | {3 * Seconds:0} s | {f.Deploy.TotalSeconds / (3 * Seconds):F3}× |");
        report.AppendLine();
        report.AppendLine($"Requests for the whole pipeline: {f.Requests}; run commands that read ImageState: {f.ImageStateReads} (the probe's and the seal's: 2 when the first reading after Sysprep finds the seal).");
        report.AppendLine();
    }
}
