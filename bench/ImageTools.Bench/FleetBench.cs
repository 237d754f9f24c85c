using System.Diagnostics;
using System.Text;
using ImageTools.Emulator;
using ImageTools.Emulator.Control;
using ImageTools.Engine;
using ImageTools.Engine.Requests;
using ImageTools.Models;

namespace ImageTools.Bench;

/// <summary>
/// Section 3: New-VmFromImage -Count 500 -ThrottleLimit 50 against an emulator that enforces ARM's
/// budgets at ARM's sizes with their windows scaled down tenfold (PutVM3Min: 240 VM writes in 18 s
/// instead of 3 min), the engine told the same windows. Counts the 429s the fleet met and compares
/// its wall time with the time the PutVM3Min budget alone imposes.
/// </summary>
internal static class FleetBench
{
    public const int Count = 500;
    public const int ThrottleLimit = 50;
    public const double Scale = 10;
    public const double VmSeconds = 2;

    private static readonly (string Name, int Limit, double WindowSeconds)[] Budgets =
    {
        ("PutVM3Min", 240, 180 / Scale),
        ("PutVM30Min", 1200, 1800 / Scale),
        ("LowCostGet3Min", 4000, 180 / Scale),
        ("HighCostGet3Min", 160, 180 / Scale),
        ("subscriptionWrites", 1200, 3600 / Scale),
        ("subscriptionReads", 12000, 3600 / Scale),
    };

    public sealed record Figures(TimeSpan Wall, double BudgetSeconds, int Created, int Failures, int Throttled, int Requests, int VmPuts);

    public static EngineOptions Options() => new()
    {
        PaceRequests = true,
        RateLimitWindows = Budgets.ToDictionary(b => b.Name, b => TimeSpan.FromSeconds(b.WindowSeconds), StringComparer.OrdinalIgnoreCase),
    };

    public static async Task<Figures> RunAsync(ImageToolsEngine engine, EmulatorServer emulator, string versionId, string rg)
    {
        await emulator.Control.SetTimingAsync(new TimingSettings { PerKind = { ["vmCreate"] = VmSeconds } });
        var settings = new RateLimitSettings();
        foreach (var (name, limit, window) in Budgets)
            settings.Policies[name] = new RateLimitPolicy { Limit = limit, WindowSeconds = window, Enforced = true };
        await emulator.Control.SetRateLimitsAsync(settings);
        await emulator.Control.ClearRequestsAsync();
        var host = new BenchHost();
        var clock = Stopwatch.StartNew();
        try
        {
            await engine.DeployAsync(new DeployRequest
            {
                Source = ResourceReference.FromId(versionId), ResourceGroupName = rg, Name = "fleet", Count = Count, ThrottleLimit = ThrottleLimit,
                Credential = new System.Net.NetworkCredential("azureops", "Bench-Passw0rd-1"),
            }, host);
        }
        finally
        {
            clock.Stop();
            await emulator.Control.SetRateLimitsAsync(new RateLimitSettings());
            await emulator.Control.SetTimingAsync(new TimingSettings());
        }
        var log = await emulator.Control.GetRequestsAsync(clear: true);
        var putVm = Budgets[0];
        // The budget lets putVm.Limit VM writes into each window: the last wave cannot start before
        // (waves - 1) windows have passed, and then takes one VM's creation.
        var waves = Math.Ceiling(Count / (double)putVm.Limit);
        var budgetSeconds = (waves - 1) * putVm.WindowSeconds + VmSeconds;
        var created = host.Objects.OfType<VmInfo>().Count();
        var vmPuts = log.Count(r => r.Method == "PUT" && r.Path.Contains("/virtualMachines/", StringComparison.OrdinalIgnoreCase));
        Console.WriteLine($"fleet {Count} at ThrottleLimit {ThrottleLimit}: {clock.Elapsed.TotalSeconds:F1} s, {created} VMs, {log.Count(r => r.Status == 429)} throttled");
        return new Figures(clock.Elapsed, budgetSeconds, created, host.Errors.Count, log.Count(r => r.Status == 429), log.Count, vmPuts);
    }

    public static void Write(StringBuilder report, Figures f)
    {
        report.AppendLine($"## 3. A {Count}-VM fleet at ThrottleLimit {ThrottleLimit} under enforced budgets");
        report.AppendLine();
        report.AppendLine($"The emulator enforces ARM's budgets at ARM's sizes, windows scaled down {Scale:0}× (429 with Retry-After when one is exhausted): " +
            string.Join(", ", Budgets.Select(b => $"{b.Name} {b.Limit}/{b.WindowSeconds:0.#} s")) + ".");
        report.AppendLine($"The engine paces itself from the x-ms-ratelimit-remaining-* headers (told the same windows). One VM's creation {VmSeconds:0} s.");
        report.AppendLine();
        report.AppendLine($"429s answered in the 500-VM fleet: **{f.Throttled}** (goal 0)");
        report.AppendLine();
        report.AppendLine($"| VMs created | failures | VM PUTs | requests | wall | time the PutVM3Min budget imposes | ratio (goal ≤ 1.1×) |");
        report.AppendLine("|---:|---:|---:|---:|---:|---:|---:|");
        report.AppendLine($"| {f.Created} | {f.Failures} | {f.VmPuts} | {f.Requests} | {f.Wall.TotalSeconds:F1} s | {f.BudgetSeconds:0.#} s | **{f.Wall.TotalSeconds / f.BudgetSeconds:F2}×** |");
        report.AppendLine();
        report.AppendLine($"The budget's time: ceil({Count}/240) − 1 = {Math.Ceiling(Count / 240.0) - 1:0} full windows of {180 / Scale:0} s before the last wave of VM writes, then one VM's creation.");
        report.AppendLine("Without pacing (ThrottleLimit alone) the fleet sends its VM writes as fast as it can and meets 429s once 240 are in the window.");
        report.AppendLine();
    }
}
