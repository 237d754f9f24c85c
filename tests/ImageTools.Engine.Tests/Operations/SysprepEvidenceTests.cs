using ImageTools.Models;
using ImageTools.Engine.Operations;
using System.Text.RegularExpressions;
using ImageTools.Emulator.Control;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Operations.Generalize;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Operations;

/// <summary>
/// The guest step is verified, not assumed: Sysprep runs with /quit, the engine reads ImageState
/// until IMAGE_STATE_GENERALIZE_RESEAL_TO_OOBE (the only evidence), records that evidence on the VM
/// (one tag), and only then lets the platform power the VM off. A guest that stops, stops answering
/// or moves past the seal before it was read is refused (SysprepNotSealed) and left unflagged.
/// Linux: the deprovisioning run command's succeeded result is the evidence.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class SysprepEvidenceTests(EmulatorFixture emulator)
{
    private const string Tag = "imagetools-guest-generalized";
    private const string Sealed = "IMAGE_STATE_GENERALIZE_RESEAL_TO_OOBE";

    private static readonly Regex SysprepEvidenceValue = new(@"^IMAGE_STATE_GENERALIZE_RESEAL_TO_OOBE \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$");
    private static readonly Regex WaagentEvidenceValue = new(@"^waagent-deprovision \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$");

    private static int SysprepRuns(GuestTraits guest) => guest.Scripts!.Count(s => s.Contains("Sysprep.exe") && s.Contains("/generalize"));

    private async Task<Dictionary<string, string>> TagsAsync(string vmId) => (await emulator.Gateway.GetVmAsync(ArmId.Parse(vmId), default))!.Tags;

    /// <summary>Runs the body with Sysprep taking this long in the guest, so that the engine reads UNDEPLOYABLE first.</summary>
    private async Task WithSysprepSecondsAsync(double seconds, Func<Task> body)
    {
        var timing = await emulator.Control.GetTimingAsync();
        var slow = timing.Clone();
        slow.PerKind["sysprep"] = seconds;
        await emulator.Control.SetTimingAsync(slow);
        try
        {
            await body();
        }
        finally
        {
            await emulator.Control.SetTimingAsync(timing);
        }
    }

    private static List<string> Order(IEnumerable<RequestLogEntry> writes) => writes.Select(w => w.Method + " " + w.Path.Split('/').Last()).ToList();

    [Fact]
    public async Task A_guest_sealed_by_sysprep_quit_is_read_at_reseal_recorded_on_the_vm_then_powered_off_by_the_platform() => await WithSysprepSecondsAsync(1, async () =>
    {
        var group = EmulatorFixture.NewGroup("ev-sealed");
        var seeded = await emulator.SeedVmAsync(group, "base01");
        var host = new RecordingHost();
        var mark = await emulator.MarkAsync();

        var vm = await emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "base01"), host);

        Assert.Equal("Generalized", vm!.OsState);
        Assert.Equal("deallocated", vm.PowerState);
        var guest = await emulator.Control.GetGuestAsync(group, "base01");
        Assert.Equal(1, SysprepRuns(guest));
        Assert.Contains(guest.Scripts!, s => s.Contains("-ArgumentList '/generalize /oobe /mode:vm /quiet /quit'"));
        Assert.Equal(Sealed, guest.ImageState);

        // The ImageState readings, in order: before, while Sysprep works, the seal (the evidence).
        var verbose = host.Verbose.ToList();
        var before = verbose.IndexOf("ImageState before Sysprep: IMAGE_STATE_COMPLETE");
        var working = verbose.IndexOf("ImageState: IMAGE_STATE_UNDEPLOYABLE");
        var seal = verbose.IndexOf("ImageState: " + Sealed);
        Assert.True(before >= 0 && before < working && working < seal, string.Join("\n", verbose));
        Assert.Contains(verbose, v => v.StartsWith($"Sysprep sealed the image: ImageState {Sealed} was read from the guest (the evidence)."));
        Assert.DoesNotContain(verbose, v => v.Contains("stopped answering"));

        // The evidence is on the VM, as one tag written once.
        var value = (await TagsAsync(seeded.Id))[Tag];
        Assert.Matches(SysprepEvidenceValue, value);
        Assert.Equal(value, vm.Tags[Tag]);
        Assert.Contains(verbose, v => v.EndsWith($"recording the evidence on the VM ({Tag} = '{value}')"));

        // Sysprep and its readings, then the tag (one merge of the VM's tags resource) while the guest still
        // runs, then the platform's power-off, which is the deallocate itself: no separate power-off.
        var order = Order(await emulator.WritesAsync(group, mark));
        var tag = order.IndexOf("PATCH default");
        Assert.Single(order, w => w.StartsWith("PATCH"));
        Assert.DoesNotContain("POST powerOff", order);
        Assert.True(order.LastIndexOf("POST runCommand") < tag && tag < order.IndexOf("POST deallocate") && order.IndexOf("POST deallocate") < order.IndexOf("POST generalize"),
            string.Join("\n", order));
    });

    [Fact]
    public async Task A_guest_that_stops_before_sysprep_sealed_it_is_refused_not_tagged_deallocated_or_generalized() => await WithSysprepSecondsAsync(1, async () =>
    {
        var group = EmulatorFixture.NewGroup("ev-stops");
        var seeded = await emulator.SeedVmAsync(group, "base01", guest: new GuestTraits { SysprepOutcome = "stopsEarly" });
        var host = new RecordingHost();
        var mark = await emulator.MarkAsync();

        var e = await Assert.ThrowsAsync<ImageToolsException>(() => emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "base01"), host));

        Assert.Equal("SysprepNotSealed", e.RuleId);
        Assert.Equal(FailureCategory.InvalidOperation, e.Category);
        Assert.Equal(seeded.Id, e.TargetId, ignoreCase: true);
        Assert.Contains("the guest stopped (power state stopped", e.Message);
        Assert.Contains("last ImageState seen: IMAGE_STATE_UNDEPLOYABLE", e.Message);
        Assert.Contains("not tagged, deallocated or marked generalized", e.Message);
        Assert.Contains("setuperr.log", e.Remedy);
        Assert.Contains("pre-generalize snapshot 'base01-os-pregeneralize'", e.Remedy);
        Assert.Contains("rerun Invoke-VmGeneralize", e.Remedy);

        var guest = await emulator.Control.GetGuestAsync(group, "base01");
        Assert.False(guest.Generalized);
        Assert.Equal("stopped", guest.PowerState);
        Assert.Equal(1, SysprepRuns(guest));
        Assert.DoesNotContain(Tag, (await TagsAsync(seeded.Id)).Keys);

        // Nothing but the snapshot and run commands; the last write is the reading the stopped guest refused.
        var writes = await emulator.AllWritesAsync(mark);
        Assert.All(Order(writes), w => Assert.True(w is "POST runCommand" or "PUT base01-os-pregeneralize", w));
        Assert.Equal(409, writes.Last().Status);
    });

    [Fact]
    public async Task A_guest_whose_image_state_moves_past_the_seal_unread_is_refused() 
    {
        var group = EmulatorFixture.NewGroup("ev-movedon");
        var seeded = await emulator.SeedVmAsync(group, "base01", guest: new GuestTraits { SysprepOutcome = "undeployable" });
        var moved = false;
        // While Sysprep works, the guest restarts into specialize / OOBE: its seal is gone before it was read.
        var host = new RecordingHost
        {
            OnVerbose = m =>
            {
                if (moved || m != "ImageState: IMAGE_STATE_UNDEPLOYABLE") return;
                moved = true;
                emulator.Control.SetGuestAsync(group, "base01", new GuestTraits { ImageState = "IMAGE_STATE_SPECIALIZE_RESEAL_TO_OOBE" }).GetAwaiter().GetResult();
            },
        };
        var mark = await emulator.MarkAsync();

        var e = await Assert.ThrowsAsync<ImageToolsException>(() => emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "base01"), host));

        Assert.Equal("SysprepNotSealed", e.RuleId);
        Assert.Contains("ImageState moved on to IMAGE_STATE_SPECIALIZE_RESEAL_TO_OOBE", e.Message);
        Assert.Contains("last ImageState seen: IMAGE_STATE_SPECIALIZE_RESEAL_TO_OOBE", e.Message);
        Assert.False((await emulator.Control.GetGuestAsync(group, "base01")).Generalized);
        Assert.DoesNotContain(Tag, (await TagsAsync(seeded.Id)).Keys);
        Assert.DoesNotContain(Order(await emulator.AllWritesAsync(mark)), w => w.StartsWith("PATCH") || w is "POST powerOff" or "POST deallocate" or "POST generalize");
    }

    [Fact]
    public async Task A_guest_whose_agent_stops_answering_before_the_seal_is_refused_when_the_guest_timeout_ends()
    {
        var group = EmulatorFixture.NewGroup("ev-silent");
        var seeded = await emulator.SeedVmAsync(group, "base01", guest: new GuestTraits { SysprepOutcome = "undeployable" });
        var silenced = false;
        var host = new RecordingHost
        {
            OnVerbose = m =>
            {
                if (silenced || m != "ImageState: IMAGE_STATE_UNDEPLOYABLE") return;
                silenced = true;
                emulator.Control.SetGuestAsync(group, "base01", new GuestTraits { AgentReady = false }).GetAwaiter().GetResult();
            },
        };
        var mark = await emulator.MarkAsync();

        var e = await Assert.ThrowsAsync<ImageToolsException>(() => emulator.Engine.GeneralizeAsync(
            Refusals.Generalize(group, "base01", r => r.GuestTimeout = TimeSpan.FromSeconds(2)), host));

        Assert.Equal("SysprepNotSealed", e.RuleId);
        Assert.Contains("its guest agent stopped answering (VMAgentStatusCommunicationError", e.Message);
        Assert.Contains("last ImageState seen: IMAGE_STATE_UNDEPLOYABLE", e.Message);
        Assert.Contains(host.Verbose, v => v.StartsWith("The guest agent stopped answering (VMAgentStatusCommunicationError"));
        var guest = await emulator.Control.GetGuestAsync(group, "base01");
        Assert.False(guest.Generalized);
        Assert.Equal("running", guest.PowerState);
        Assert.DoesNotContain(Tag, (await TagsAsync(seeded.Id)).Keys);
        Assert.DoesNotContain(Order(await emulator.AllWritesAsync(mark)), w => w.StartsWith("PATCH") || w is "POST powerOff" or "POST deallocate" or "POST generalize");
    }

    [Fact]
    public async Task A_rerun_after_a_failed_deallocate_reads_the_seal_again_and_does_not_run_sysprep_again()
    {
        var group = EmulatorFixture.NewGroup("ev-rerun");
        var seeded = await emulator.SeedVmAsync(group, "base01");
        await emulator.Control.AddFaultAsync(new FaultRule { Kind = "lroFailed", Method = "POST", PathPattern = group + ".*/deallocate$", Count = 1 });
        try
        {
            await Assert.ThrowsAsync<AzureRequestException>(() => emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "base01"), new RecordingHost()));
        }
        finally
        {
            await emulator.Control.ClearFaultsAsync();
        }
        var value = (await TagsAsync(seeded.Id))[Tag];
        Assert.Matches(SysprepEvidenceValue, value);
        // The deallocate (which powers the sealed guest off) failed: the VM is still running, tagged, not generalized.
        var guest = await emulator.Control.GetGuestAsync(group, "base01");
        Assert.Equal("running", guest.PowerState);
        Assert.False(guest.Generalized);
        Assert.Equal(1, SysprepRuns(guest));

        var mark = await emulator.MarkAsync();
        var host = new RecordingHost();
        var vm = await emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "base01"), host);

        Assert.Equal("Generalized", vm!.OsState);
        // A tagged VM that runs again is verified again: the seal is read (with the domain probe), not made again.
        Assert.Contains(host.Verbose, v => v.StartsWith($"The guest is already sealed: ImageState {Sealed} was read from it (the evidence); Sysprep is not run again."));
        Assert.Equal(["POST runCommand", "PATCH default", "POST deallocate", "POST generalize"], Order(await emulator.WritesAsync(group, mark)));
        Assert.Equal(1, SysprepRuns(await emulator.Control.GetGuestAsync(group, "base01")));
        Assert.Matches(SysprepEvidenceValue, (await TagsAsync(seeded.Id))[Tag]);
    }

    [Fact]
    public async Task A_guest_found_sealed_is_not_sysprepped_again_and_its_reading_is_the_evidence()
    {
        var group = EmulatorFixture.NewGroup("ev-already");
        var seeded = await emulator.SeedVmAsync(group, "base01", guest: new GuestTraits { ImageState = Sealed });
        var host = new RecordingHost();

        var vm = await emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "base01", r => r.SkipSnapshot = true), host);

        Assert.Equal("Generalized", vm!.OsState);
        Assert.Contains(host.Verbose, v => v.StartsWith($"The guest is already sealed: ImageState {Sealed} was read from it (the evidence)"));
        Assert.Equal(0, SysprepRuns(await emulator.Control.GetGuestAsync(group, "base01")));
        Assert.Matches(SysprepEvidenceValue, (await TagsAsync(seeded.Id))[Tag]);
    }

    [Theory]
    [InlineData("2024-01-01T00:00:00Z")]
    [InlineData("done")]
    public async Task A_tag_without_evidence_is_not_taken_for_a_finished_guest_step(string value)
    {
        var group = EmulatorFixture.NewGroup("ev-bare");
        await emulator.SeedVmAsync(group, "base01", state: "stopped", configure: r => r.Tags = new() { [Tag] = value });

        var e = await emulator.GeneralizeRefusedAsync(group, Refusals.Generalize(group, "base01"));

        // The guest step is still needed, and the guest does not run.
        e.Refusal("VmNotRunning");
    }

    [Fact]
    public async Task Linux_the_deprovisioning_result_is_the_evidence_and_a_rerun_does_not_deprovision_again()
    {
        var group = EmulatorFixture.NewGroup("ev-linux");
        var seeded = await emulator.SeedVmAsync(group, "lin01", os: "Linux");
        var host = new RecordingHost();
        await emulator.Control.AddFaultAsync(new FaultRule { Kind = "lroFailed", Method = "POST", PathPattern = group + ".*/deallocate$", Count = 1 });
        try
        {
            await Assert.ThrowsAsync<AzureRequestException>(() => emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "lin01"), host));
        }
        finally
        {
            await emulator.Control.ClearFaultsAsync();
        }
        Assert.Contains(host.Verbose, v => v.StartsWith("waagent -deprovision+user -force succeeded in the guest (ProvisioningState/succeeded, nothing on stderr): this result is the evidence."));
        var value = (await TagsAsync(seeded.Id))[Tag];
        Assert.Matches(WaagentEvidenceValue, value);

        var rerun = new RecordingHost();
        var vm = await emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "lin01"), rerun);

        Assert.Equal("Generalized", vm!.OsState);
        Assert.Contains($"The guest step was verified by an earlier run ({Tag} = '{value}'); deprovisioning is not run again.", rerun.Verbose);
        Assert.Equal(1, (await emulator.Control.GetGuestAsync(group, "lin01")).Scripts!.Count(s => s.Contains("waagent -deprovision")));
    }

    [Fact]
    public async Task Linux_a_guest_that_stops_before_the_deprovisioning_result_is_read_is_refused_and_left_unflagged()
    {
        var group = EmulatorFixture.NewGroup("ev-linstop");
        var seeded = await emulator.SeedVmAsync(group, "lin01", os: "Linux");
        var gateway = new StopsBeforeDeprovisionAnswers(emulator.Gateway);
        var mark = await emulator.MarkAsync();

        var e = await Assert.ThrowsAsync<ImageToolsException>(() => OperationRunner.RunAsync<VmInfo>((sink, ct) => GeneralizeOperation.PrepareAsync(
            Refusals.Generalize(group, "lin01"), sink, ct, gateway, EmulatorFixture.Options(), emulator.SubscriptionId), new RecordingHost()));

        Assert.Equal("DeprovisionNotConfirmed", e.RuleId);
        Assert.Contains("the guest stopped before it answered", e.Message);
        Assert.Contains("not tagged, deallocated or marked generalized", e.Message);
        Assert.Contains("/var/log/waagent.log", e.Remedy);
        Assert.Contains("'lin01-os-pregeneralize'", e.Remedy);
        Assert.False((await emulator.Control.GetGuestAsync(group, "lin01")).Generalized);
        Assert.DoesNotContain(Tag, (await TagsAsync(seeded.Id)).Keys);
        // The snapshot, the power-off standing for "something stopped the guest", the refused run command; nothing after.
        Assert.Equal(["PUT lin01-os-pregeneralize", "POST powerOff", "POST runCommand"], Order(await emulator.AllWritesAsync(mark)));
    }

    /// <summary>The emulator's gateway, except that the guest is stopped just as the deprovisioning is sent.</summary>
    private sealed class StopsBeforeDeprovisionAnswers(IAzureGateway inner) : DelegatingAzureGateway(inner)
    {
        public override async Task<GuestCommandResult> RunCommandAsync(ArmId vmId, string commandId, IList<string> script, CancellationToken ct)
        {
            if (script.Any(l => l.Contains("waagent -deprovision")))
                await inner.PowerOffVmAsync(vmId, ct);
            return await inner.RunCommandAsync(vmId, commandId, script, ct);
        }
    }
}
