using ImageTools.Emulator.Control;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Operations;

[Collection(EmulatorCollection.Name)]
public class FaultTests(EmulatorFixture emulator)
{
    /// <summary>Every request of the generalize sequence, by method and path ending.</summary>
    public static TheoryData<string, string, int> GeneralizeSteps() => new()
    {
        { "GET", "/virtualMachines/base01$", 429 },
        { "GET", "/virtualMachines/base01$", 503 },
        { "PUT", "/snapshots/base01-os-pregeneralize$", 429 },
        { "PUT", "/snapshots/base01-os-pregeneralize$", 503 },
        { "POST", "/runCommand$", 429 },
        { "POST", "/runCommand$", 503 },
        { "PATCH", "/virtualMachines/base01/providers/Microsoft.Resources/tags/default$", 503 },
        { "POST", "/deallocate$", 429 },
        { "POST", "/deallocate$", 503 },
        { "POST", "/generalize$", 429 },
        { "POST", "/generalize$", 503 },
    };

    [Theory]
    [MemberData(nameof(GeneralizeSteps))]
    public async Task Throttling_and_unavailability_on_each_generalize_step_are_retried_by_the_sdk(string method, string path, int status)
    {
        var group = EmulatorFixture.NewGroup("fault-gen");
        await emulator.SeedVmAsync(group, "base01");
        var fault = await emulator.Control.AddFaultAsync(new FaultRule
        {
            Kind = "status", Status = status, RetryAfterSeconds = 0, Method = method, PathPattern = group + ".*" + path, Count = 2,
        });
        try
        {
            var vm = await emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "base01"), new RecordingHost());

            Assert.Equal("Generalized", vm!.OsState);
            Assert.Equal(2, (await emulator.Control.GetFaultsAsync()).Single(f => f.Id == fault).Hits);
        }
        finally
        {
            await emulator.Control.ClearFaultsAsync();
        }
    }

    [Theory]
    [InlineData("PUT", 429)]
    [InlineData("PUT", 503)]
    [InlineData("GET", 503)]
    public async Task Throttling_and_unavailability_on_capture_are_retried_by_the_sdk(string method, int status)
    {
        var group = EmulatorFixture.NewGroup("fault-cap");
        var vm = await emulator.GeneralizedVmAsync(group, "gold");
        await emulator.Control.AddFaultAsync(new FaultRule { Kind = "status", Status = status, RetryAfterSeconds = 0, Method = method, PathPattern = group + ".*/images/", Count = 2 });
        try
        {
            var image = await emulator.Engine.CaptureAsync(Refusals.Capture(vm), new RecordingHost());
            Assert.Equal("Succeeded", image!.ProvisioningState);
        }
        finally
        {
            await emulator.Control.ClearFaultsAsync();
        }
    }

    [Fact]
    public async Task A_throttled_request_is_retried_no_sooner_than_retry_after()
    {
        var group = EmulatorFixture.NewGroup("fault-retryafter");
        var vm = await emulator.GeneralizedVmAsync(group, "gold");
        await emulator.Control.AddFaultAsync(new FaultRule { Kind = "status", Status = 429, RetryAfterSeconds = 1, Method = "PUT", PathPattern = group + ".*/images/", Count = 1 });
        var mark = await emulator.MarkAsync();
        try
        {
            await emulator.Engine.CaptureAsync(Refusals.Capture(vm), new RecordingHost());
        }
        finally
        {
            await emulator.Control.ClearFaultsAsync();
        }
        var puts = (await emulator.RequestsAsync(group, mark)).Where(r => r.Method == "PUT" && r.Path.Contains("/images/")).ToList();
        Assert.Equal([429, 201], puts.Select(p => p.Status).ToArray());
        Assert.True(puts[1].Time - puts[0].Time >= TimeSpan.FromSeconds(0.9), $"retried after {(puts[1].Time - puts[0].Time).TotalSeconds:0.00} s");
    }

    [Fact]
    public async Task A_deallocate_that_ends_failed_leaves_the_vm_unflagged_and_a_rerun_converges()
    {
        var group = EmulatorFixture.NewGroup("fault-lrofail");
        await emulator.SeedVmAsync(group, "base01");
        await emulator.Control.AddFaultAsync(new FaultRule { Kind = "lroFailed", Method = "POST", PathPattern = group + ".*/deallocate$", Count = 1 });
        AzureRequestException failure;
        try
        {
            failure = await Assert.ThrowsAsync<AzureRequestException>(() => emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "base01"), new RecordingHost()));
        }
        finally
        {
            await emulator.Control.ClearFaultsAsync();
        }
        Assert.Equal("InternalOperationError", failure.RuleId);
        Assert.StartsWith("The deallocate of VM 'base01' failed in Azure: InternalOperationError: ", failure.Message);
        Assert.Contains("rerun the same command, it resumes", failure.Remedy);
        Assert.Equal(FailureCategory.ResourceUnavailable, failure.Category);
        var guest = await emulator.Control.GetGuestAsync(group, "base01");
        Assert.False(guest.Generalized);
        var sysprepRuns = guest.Scripts!.Count(s => s.Contains("/generalize"));

        var mark = await emulator.MarkAsync();
        var host = new RecordingHost();
        var vm = await emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "base01"), host);

        Assert.Equal("Generalized", vm!.OsState);
        Assert.Single(vm.SnapshotIds);
        // The failed deallocate left the sealed guest running: its seal is read again (one run command), Sysprep is not run again.
        var writes = await emulator.WritesAsync(group, mark);
        Assert.DoesNotContain(writes, w => w.Method == "PUT");
        Assert.Single(writes, w => w.Path.EndsWith("/runCommand"));
        Assert.Equal(sysprepRuns, (await emulator.Control.GetGuestAsync(group, "base01")).Scripts!.Count(s => s.Contains("/generalize")));
    }

    [Fact]
    public async Task A_deallocate_that_never_ends_times_out_naming_the_step_and_a_rerun_converges()
    {
        var group = EmulatorFixture.NewGroup("fault-never");
        await emulator.SeedVmAsync(group, "base01", state: "stopped", configure: r => r.Tags = new() { ["imagetools-guest-generalized"] = "IMAGE_STATE_GENERALIZE_RESEAL_TO_OOBE 2024-01-01T00:00:00Z" });
        var engine = await emulator.EngineWithAsync(o => o.OperationTimeout = TimeSpan.FromSeconds(2));
        await emulator.Control.AddFaultAsync(new FaultRule { Kind = "lroNeverEnds", Method = "POST", PathPattern = group + ".*/deallocate$", Count = 1 });
        ImageToolsException timeout;
        try
        {
            timeout = await Assert.ThrowsAsync<ImageToolsException>(() => engine.GeneralizeAsync(Refusals.Generalize(group, "base01", r => r.SkipSnapshot = true), new RecordingHost()));
        }
        finally
        {
            await emulator.Control.ClearFaultsAsync();
        }
        Assert.Equal("OperationTimedOut", timeout.RuleId);
        Assert.Contains("deallocating the VM did not finish within 2 s", timeout.Message);
        Assert.Contains("rerun", timeout.Remedy);
        Assert.Equal(FailureCategory.OperationTimeout, timeout.Category);
        Assert.False((await emulator.Control.GetGuestAsync(group, "base01")).Generalized);

        var vm = await emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "base01", r => r.SkipSnapshot = true), new RecordingHost());
        Assert.Equal("Generalized", vm!.OsState);
    }

    [Fact]
    public async Task A_capture_whose_image_operation_ends_failed_reports_the_arm_error_keeps_the_source_and_a_rerun_converges()
    {
        var group = EmulatorFixture.NewGroup("fault-capfail");
        var vm = await emulator.GeneralizedVmAsync(group, "gold");
        await emulator.Control.AddFaultAsync(new FaultRule { Kind = "lroFailed", Method = "PUT", PathPattern = group + ".*/images/", Count = 1, ErrorCode = "InternalOperationError", ErrorMessage = "Image creation failed." });
        try
        {
            var e = await Assert.ThrowsAsync<AzureRequestException>(() => emulator.Engine.CaptureAsync(Refusals.Capture(vm, r => r.DeleteSourceVm = true), new RecordingHost()));
            Assert.Contains("Image creation failed.", e.Message);
        }
        finally
        {
            await emulator.Control.ClearFaultsAsync();
        }
        // The source was not deleted: the image never read Succeeded.
        Assert.NotNull(await emulator.Gateway.GetVmAsync(ArmId.Parse(vm), default));

        var host = new RecordingHost();
        var image = await emulator.Engine.CaptureAsync(Refusals.Capture(vm), host);
        Assert.Equal("Succeeded", image!.ProvisioningState);
        Assert.Contains(host.Warnings, w => w.Contains("left in state Failed by an earlier run"));
    }

    [Fact]
    public async Task A_generalize_answered_200_without_taking_effect_is_caught_by_the_instance_view_check()
    {
        var group = EmulatorFixture.NewGroup("fault-confirm");
        await emulator.SeedVmAsync(group, "base01");
        await emulator.Control.AddFaultAsync(new FaultRule { Kind = "status", Status = 200, Method = "POST", PathPattern = group + ".*/generalize$", Count = 1 });
        ImageToolsException e;
        try
        {
            e = await Assert.ThrowsAsync<ImageToolsException>(() => emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "base01"), new RecordingHost()));
        }
        finally
        {
            await emulator.Control.ClearFaultsAsync();
        }

        Assert.Equal("GeneralizeNotConfirmed", e.RuleId);
        Assert.Contains("does not show OSState/generalized", e.Message);

        var vm = await emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "base01"), new RecordingHost());
        Assert.Equal("Generalized", vm!.OsState);
    }

    [Fact]
    public async Task A_snapshot_that_ends_failed_stops_before_the_guest_step_and_a_rerun_takes_it_again()
    {
        var group = EmulatorFixture.NewGroup("fault-snap");
        await emulator.SeedVmAsync(group, "base01");
        await emulator.Control.AddFaultAsync(new FaultRule { Kind = "lroFailed", Method = "PUT", PathPattern = group + ".*/snapshots/base01-os-pregeneralize$", Count = 1 });
        try
        {
            await Assert.ThrowsAsync<AzureRequestException>(() => emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "base01"), new RecordingHost()));
        }
        finally
        {
            await emulator.Control.ClearFaultsAsync();
        }
        var guest = await emulator.Control.GetGuestAsync(group, "base01");
        Assert.DoesNotContain(guest.Scripts!, s => s.Contains("/generalize"));

        var vm = await emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "base01"), new RecordingHost());

        Assert.Equal("Generalized", vm!.OsState);
        var snapshot = await emulator.Gateway.GetSnapshotAsync(ArmId.Parse(Assert.Single(vm.SnapshotIds)), default);
        Assert.Equal("Succeeded", snapshot!.ProvisioningState);
    }
}
