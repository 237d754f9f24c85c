using ImageTools.Models;
using ImageTools.Engine.Operations;
using ImageTools.Emulator.Control;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Operations.Generalize;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Operations;

/// <summary>
/// A failed Linux deprovisioning stops Invoke-VmGeneralize before the VM is tagged, deallocated
/// or marked generalized. The emulator's waagent always succeeds, so the failure is given in the
/// shape Azure answers (one status, "Enable failed: ... [stdout] ... [stderr] ...") through the
/// gateway's own parsing.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class DeprovisionOutcomeTests(EmulatorFixture emulator)
{
    private const string Failed =
        "Enable failed: failed to execute command: command terminated with exit status=1\n[stdout]\nWARNING! The waagent service will be stopped.\n\n[stderr]\n" +
        "waagent: error: [Errno 13] Permission denied: '/var/lib/waagent/provisioned'\n";

    private const string Succeeded =
        "Enable succeeded: \n[stdout]\nWARNING! The waagent service will be stopped.\nWARNING! root password will be disabled.\n\n[stderr]\n\n";

    private static GuestCommandResult Linux(string message, string code)
    {
        var result = new GuestCommandResult { Codes = [code] };
        AzureGateway.ReadLinuxSections(message, result);
        return result;
    }

    [Fact]
    public void The_linux_status_text_is_split_into_summary_stdout_and_stderr()
    {
        var result = Linux(Failed, "ProvisioningState/failed/1");
        Assert.Equal("Enable failed: failed to execute command: command terminated with exit status=1", result.Summary);
        Assert.Equal("WARNING! The waagent service will be stopped.", result.StdOut);
        Assert.StartsWith("waagent: error: [Errno 13]", result.StdErr);
    }

    [Fact]
    public void A_succeeded_deprovisioning_with_an_empty_stderr_is_not_a_failure() =>
        Assert.Null(GuestScripts.DeprovisionFailure(Linux(Succeeded, "ProvisioningState/succeeded")));

    [Fact]
    public void Enable_failed_is_a_failure_naming_the_exit_status_and_the_stderr()
    {
        var why = GuestScripts.DeprovisionFailure(Linux(Failed, "ProvisioningState/failed/1"));
        Assert.NotNull(why);
        Assert.Contains("exit status=1", why);
        Assert.Contains("stderr: waagent: error: [Errno 13] Permission denied", why);
    }

    [Fact]
    public void A_failed_status_code_alone_is_a_failure() =>
        Assert.Contains("status ProvisioningState/failed/0",
            GuestScripts.DeprovisionFailure(new GuestCommandResult { Codes = ["ProvisioningState/failed/0"] }));

    [Fact]
    public void Stderr_under_a_succeeded_status_is_a_failure()
    {
        var result = Linux("Enable succeeded: \n[stdout]\n\n[stderr]\n/bin/sh: 2: waagent: not found\n", "ProvisioningState/succeeded");
        Assert.Contains("stderr: /bin/sh: 2: waagent: not found", GuestScripts.DeprovisionFailure(result));
    }

    [Fact]
    public async Task A_failed_waagent_fails_the_run_before_any_tag_deallocate_or_generalize_and_leaves_the_vm_running()
    {
        var group = EmulatorFixture.NewGroup("deprov-fail");
        await emulator.SeedVmAsync(group, "lin01", os: "Linux");
        var mark = await emulator.MarkAsync();
        var gateway = new FailingDeprovision(emulator.Gateway, Linux(Failed, "ProvisioningState/failed/1"));

        var e = await Assert.ThrowsAsync<ImageToolsException>(() => OperationRunner.RunAsync<VmInfo>((sink, ct) => GeneralizeOperation.PrepareAsync(
            Refusals.Generalize(group, "lin01"), sink, ct, gateway, EmulatorFixture.Options(), emulator.SubscriptionId), new RecordingHost()));

        Assert.Equal("DeprovisionFailed", e.RuleId);
        Assert.Contains("[Errno 13] Permission denied", e.Message);
        Assert.Contains("left as it is", e.Message);
        Assert.Contains("/var/log/waagent.log", e.Remedy);
        Assert.Equal(1, gateway.Deprovisions);
        var writes = (await emulator.AllWritesAsync(mark)).Select(w => w.Method + " " + w.Path.Split('/').Last()).ToList();
        // Only the pre-generalize snapshot: no run command reached the emulator, no tag, no power action, no generalize.
        Assert.Equal(["PUT lin01-os-pregeneralize"], writes);
        var guest = await emulator.Control.GetGuestAsync(group, "lin01");
        Assert.Equal("running", guest.PowerState);
        Assert.False(guest.Generalized);
        var vm = await emulator.Gateway.GetVmAsync(ArmId.Parse(e.TargetId!), default);
        Assert.DoesNotContain(GuestStepTag, vm!.Tags.Keys);
    }

    [Fact]
    public async Task A_guest_whose_waagent_fails_in_the_emulator_fails_as_deprovision_failed_with_nothing_after_the_run_command()
    {
        var group = EmulatorFixture.NewGroup("deprov-emu");
        await emulator.SeedVmAsync(group, "lin02", os: "Linux", guest: new GuestTraits { DeprovisionOutcome = "fail" });
        var mark = await emulator.MarkAsync();

        var e = await Assert.ThrowsAsync<ImageToolsException>(() => OperationRunner.RunAsync<VmInfo>((sink, ct) => GeneralizeOperation.PrepareAsync(
            Refusals.Generalize(group, "lin02"), sink, ct, emulator.Gateway, EmulatorFixture.Options(), emulator.SubscriptionId), new RecordingHost()));

        Assert.Equal("DeprovisionFailed", e.RuleId);
        Assert.Contains("exit status=1", e.Message);
        Assert.Contains("[Errno 13] Permission denied", e.Message);
        Assert.Contains("left as it is", e.Message);
        var writes = (await emulator.AllWritesAsync(mark)).Select(w => w.Method + " " + w.Path.Split('/').Last()).ToList();
        // The pre-generalize snapshot and the one run command; no tag, no deallocate, no generalize.
        Assert.Equal(["PUT lin02-os-pregeneralize", "POST runCommand"], writes);
        Assert.DoesNotContain(writes, w => w.StartsWith("PATCH") || w is "POST deallocate" or "POST generalize");
        var guest = await emulator.Control.GetGuestAsync(group, "lin02");
        Assert.Equal("fail", guest.DeprovisionOutcome);
        Assert.False(guest.Deprovisioned);
        Assert.False(guest.Generalized);
        Assert.Equal("running", guest.PowerState);
        Assert.True(guest.AgentReady);
        Assert.Contains(guest.Scripts!, s => s.Contains("waagent -deprovision"));
    }

    private const string GuestStepTag = "imagetools-guest-generalized";

    /// <summary>The emulator's gateway, except that the waagent run command answers as a failed one does on Azure.</summary>
    private sealed class FailingDeprovision(IAzureGateway inner, GuestCommandResult failure) : DelegatingAzureGateway(inner)
    {
        public int Deprovisions { get; private set; }

        public override Task<GuestCommandResult> RunCommandAsync(ArmId vmId, string commandId, IList<string> script, CancellationToken ct)
        {
            if (!script.Any(l => l.Contains("waagent -deprovision")))
                return inner.RunCommandAsync(vmId, commandId, script, ct);
            Deprovisions++;
            return Task.FromResult(failure);
        }
    }
}
