using ImageTools.Emulator.Control;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Operations;

[Collection(EmulatorCollection.Name)]
public class GuestOutcomeTests(EmulatorFixture emulator)
{
    [Theory]
    [InlineData("undeployable")]
    [InlineData("hang")]
    public async Task Sysprep_stuck_at_undeployable_fails_within_the_guest_timeout_and_the_vm_is_left_unflagged(string outcome)
    {
        var group = EmulatorFixture.NewGroup("sysprep-" + outcome);
        await emulator.SeedVmAsync(group, "base01", guest: new GuestTraits { SysprepOutcome = outcome });
        var mark = await emulator.MarkAsync();

        var e = await Assert.ThrowsAsync<ImageToolsException>(() => emulator.Engine.GeneralizeAsync(
            Refusals.Generalize(group, "base01", r => r.GuestTimeout = TimeSpan.FromSeconds(1.5)), new RecordingHost()));

        Assert.Equal("SysprepTimedOut", e.RuleId);
        Assert.Contains("IMAGE_STATE_UNDEPLOYABLE", e.Message);
        Assert.Contains("not marked generalized", e.Message);
        Assert.Contains("setuperr.log", e.Remedy);
        var guest = await emulator.Control.GetGuestAsync(group, "base01");
        Assert.False(guest.Generalized);
        Assert.Equal("running", guest.PowerState);
        Assert.DoesNotContain(await emulator.WritesAsync(group, mark), w => w.Path.EndsWith("/deallocate") || w.Path.EndsWith("/generalize") || w.Method == "PATCH");
    }

    [Fact]
    public async Task Sysprep_that_exits_with_the_image_undeployable_fails_at_once_without_waiting_for_the_guest_timeout()
    {
        var group = EmulatorFixture.NewGroup("sysprep-failed");
        await emulator.SeedVmAsync(group, "base01", guest: new GuestTraits { SysprepOutcome = "failed" });
        var mark = await emulator.MarkAsync();

        // A guest timeout far longer than the test may run: only the "Sysprep is no longer running" answer ends it.
        var run = emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "base01", r => r.GuestTimeout = TimeSpan.FromMinutes(10)), new RecordingHost());
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromMinutes(2)));
        Assert.Same(run, finished);
        var e = await Assert.ThrowsAsync<ImageToolsException>(() => run);

        Assert.Equal("SysprepFailed", e.RuleId);
        Assert.Contains("IMAGE_STATE_UNDEPLOYABLE", e.Message);
        var guest = await emulator.Control.GetGuestAsync(group, "base01");
        Assert.False(guest.Generalized);
        Assert.Equal("running", guest.PowerState);
        Assert.DoesNotContain(await emulator.WritesAsync(group, mark), w => w.Path.EndsWith("/deallocate") || w.Path.EndsWith("/generalize") || w.Method == "PATCH");
    }

    [Fact]
    public async Task A_run_command_already_executing_is_waited_on_and_retried()
    {
        var group = EmulatorFixture.NewGroup("busy");
        await emulator.SeedVmAsync(group, "base01", guest: new GuestTraits { RunCommandConflicts = 3 });
        var host = new RecordingHost();

        var vm = await emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "base01"), host);

        Assert.Equal("Generalized", vm!.OsState);
        var log = await emulator.RequestsAsync(group);
        Assert.True(3 == host.Verbose.Count(v => v.Contains("Another run command is still executing")),
            string.Join("\n", host.Verbose) + "\n" + string.Join("\n", log.Select(r => $"{r.Method} {r.Path} {r.Status}")));
        // The first three invocations were answered 409 and retried; the fourth was accepted.
        var runCommands = log.Where(r => r.Path.EndsWith("/runCommand")).Select(r => r.Status).ToList();
        Assert.Equal([409, 409, 409, 202], runCommands.Take(4).ToArray());
    }

    [Fact]
    public async Task A_run_command_that_stays_busy_fails_when_the_guest_timeout_ends()
    {
        var group = EmulatorFixture.NewGroup("busy-forever");
        await emulator.SeedVmAsync(group, "base01", guest: new GuestTraits { RunCommandConflicts = 100000 });

        var e = await Assert.ThrowsAsync<ImageToolsException>(() => emulator.Engine.GeneralizeAsync(
            Refusals.Generalize(group, "base01", r => r.GuestTimeout = TimeSpan.FromSeconds(1)), new RecordingHost()));

        Assert.Equal("OperationTimedOut", e.RuleId);
        Assert.Contains("probing the guest's domain membership", e.Message);
        Assert.False((await emulator.Control.GetGuestAsync(group, "base01")).Generalized);
    }

    [Fact]
    public async Task Ctrl_c_while_waiting_for_sysprep_stops_promptly_naming_the_step_and_a_rerun_converges()
    {
        var group = EmulatorFixture.NewGroup("cancel");
        await emulator.SeedVmAsync(group, "base01");
        var timing = await emulator.Control.GetTimingAsync();
        var slow = timing.Clone();
        slow.PerKind["sysprep"] = 2;
        await emulator.Control.SetTimingAsync(slow);
        try
        {
            RecordingHost host = null!;
            host = new RecordingHost { OnVerbose = m => { if (m.Contains("ImageState: IMAGE_STATE_UNDEPLOYABLE")) host.Cancel(); } };

            var stopped = await Assert.ThrowsAsync<ImageToolsException>(() => emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "base01"), host));

            Assert.Equal("OperationStopped", stopped.RuleId);
            Assert.Contains("while running Sysprep in the guest", stopped.Message);
            Assert.Contains("Rerun the same command to resume", stopped.Remedy);
            Assert.Equal(FailureCategory.OperationStopped, stopped.Category);
            Assert.False((await emulator.Control.GetGuestAsync(group, "base01")).Generalized);

            var rerun = new RecordingHost();
            var vm = await emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "base01"), rerun);

            Assert.Equal("Generalized", vm!.OsState);
            Assert.Contains(rerun.Verbose, v => v.Contains("still working in the guest; waiting for it"));
            Assert.Equal(1, (await emulator.Control.GetGuestAsync(group, "base01")).Scripts!.Count(s => s.Contains("/generalize")));
        }
        finally
        {
            await emulator.Control.SetTimingAsync(timing);
        }
    }
}
