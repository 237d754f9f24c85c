using ImageTools.Emulator.Control;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Tests.Deploy;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Economy;

/// <summary>
/// The engine at the server's pace, read from the emulator's request log: the first poll of every
/// long-running operation waits for the Retry-After its start response sent; a guest that is done is
/// seen without a fixed sleep; under enforced budgets a fleet paces itself and meets no 429.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class PacingTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task No_poll_comes_before_the_retry_after_its_operation_asked_for()
    {
        var group = EmulatorFixture.NewGroup("pace-ra");
        await emulator.SeedVmAsync(group, "base01", configure: r => r.DataDisks = 1);
        // The tests' engine polls with no pause of its own: only Retry-After holds a poll back.
        await emulator.Control.SetTimingAsync(new TimingSettings { PerKind = { ["snapshotCreate"] = 1, ["deallocate"] = 1, ["imageCreate"] = 1, ["runCommand"] = 1 } });
        try
        {
            var mark = await emulator.MarkAsync();
            var vm = await emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "base01"), new RecordingHost());
            await emulator.Engine.CaptureAsync(Refusals.Capture(vm!.Id), new RecordingHost());

            var log = (await emulator.Control.GetRequestsAsync()).Where(r => r.Sequence > mark).ToList();
            var polls = log.Where(r => r.Poll).ToList();
            var firstPolls = polls.GroupBy(p => p.OperationId).Select(g => g.OrderBy(p => p.Sequence).First()).ToList();
            // Snapshots ×2, run commands ×3, deallocate, image: each asked for a 1 s wait when it started.
            Assert.True(firstPolls.Count(p => p.PreviousRetryAfterSeconds >= 1) >= 7, string.Join("\n", firstPolls.Select(p => $"{p.Path} {p.PreviousRetryAfterSeconds} {p.SecondsSincePrevious}")));
            Assert.All(firstPolls, p => Assert.True(p.SecondsSincePrevious + 0.010 >= p.PreviousRetryAfterSeconds.GetValueOrDefault(),
                $"{p.Path}: polled {p.SecondsSincePrevious:0.000} s after a response asking for {p.PreviousRetryAfterSeconds} s"));
            Assert.DoesNotContain(log, r => r.EarlyPoll == true);
        }
        finally
        {
            await emulator.Control.SetTimingAsync(new TimingSettings());
        }
    }

    [Fact]
    public async Task A_sealed_guest_is_seen_at_once_whatever_the_longest_pause()
    {
        var group = EmulatorFixture.NewGroup("pace-guest");
        await emulator.SeedVmAsync(group, "base01");
        await emulator.Control.SetTimingAsync(new TimingSettings { PerKind = { ["sysprep"] = 1, ["runCommand"] = 1 } });
        try
        {
            var engine = await emulator.EngineWithAsync(o => o.GuestPollInterval = TimeSpan.FromHours(1));
            var host = new RecordingHost();
            // A fixed pause of the longest interval (an hour) would run into the 2 minute limit.
            var vm = await engine.GeneralizeAsync(Refusals.Generalize(group, "base01", r =>
            {
                r.SkipSnapshot = true;
                r.GuestTimeout = TimeSpan.FromMinutes(2);
                r.GuestPollInterval = TimeSpan.FromHours(1);
            }), host);

            Assert.Equal("Generalized", vm!.OsState);
            var scripts = (await emulator.Control.GetGuestAsync(group, "base01")).Scripts!;
            // The probe (with its ImageState), Sysprep, then readings until the seal: the first one after
            // Sysprep's own run command comes at once, and Sysprep (1 s) is done by the time it runs.
            Assert.Equal(3, scripts.Count);
            Assert.Contains(host.Verbose, v => v.Contains("ImageState IMAGE_STATE_GENERALIZE_RESEAL_TO_OOBE was read from the guest (the evidence)"));
        }
        finally
        {
            await emulator.Control.SetTimingAsync(new TimingSettings());
        }
    }

    [Fact]
    public async Task Under_enforced_budgets_a_fleet_paces_itself_and_meets_no_429()
    {
        var group = EmulatorFixture.NewGroup("pace-fleet");
        var image = await DeployKit.ImageAsync(emulator, group);
        var window = TimeSpan.FromSeconds(2);
        await emulator.Control.SetRateLimitsAsync(new RateLimitSettings
        {
            Policies = { ["PutVM3Min"] = new RateLimitPolicy { Limit = 4, WindowSeconds = window.TotalSeconds } },
        });
        try
        {
            var engine = await emulator.EngineWithAsync(o =>
            {
                o.PaceRequests = true;
                o.RateLimitWindows["PutVM3Min"] = window;
            });
            var mark = await emulator.MarkAsync();
            var host = new RecordingHost();
            await engine.DeployAsync(DeployKit.Request(group, image, "pc", 10, r => r.ThrottleLimit = 10), host);

            Assert.Empty(host.Errors);
            Assert.Equal(10, DeployKit.Vms(host).Count);
            var log = (await emulator.Control.GetRequestsAsync()).Where(r => r.Sequence > mark).ToList();
            Assert.DoesNotContain(log, r => r.Status == 429);
            // The budget was the limit: never more than 4 VM PUTs answered within one 2 s window.
            var puts = log.Where(r => r.Method == "PUT" && r.Path.Contains("/virtualMachines/", StringComparison.OrdinalIgnoreCase)).Select(r => r.Time).OrderBy(t => t).ToList();
            Assert.Equal(10, puts.Count);
            Assert.All(puts, t => Assert.True(puts.Count(o => o >= t && o < t + window) <= 4));
        }
        finally
        {
            await emulator.Control.SetRateLimitsAsync(new RateLimitSettings());
        }
    }
}
