using System.Management.Automation;
using ImageTools.Emulator.Control;
using ImageTools.PowerShell.Tests.Infrastructure;

namespace ImageTools.PowerShell.Tests;

/// <summary>
/// Sysprep verified, not assumed, through the real cmdlets against the emulator: Sysprep runs with
/// /quit and the VM is flagged generalized only once ImageState IMAGE_STATE_GENERALIZE_RESEAL_TO_OOBE
/// was read from the guest (the verbose stream names that evidence, and the VM's
/// imagetools-guest-generalized tag records it); a guest that stops before the seal was read is
/// refused with SysprepNotSealed and left unflagged; a rerun after a failed deallocate reads the seal
/// again and does not run Sysprep again; -GuestPollInterval bounds the pause between readings, not a fixed sleep; New-CapturedImage tells a VM generalized with evidence from one flagged by hand.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class SysprepEvidenceTests(EmulatorFixture emulator)
{
    private const string Sealed = "IMAGE_STATE_GENERALIZE_RESEAL_TO_OOBE";
    private const string Tag = "imagetools-guest-generalized";

    private static int SysprepRuns(GuestTraits guest) => guest.Scripts!.Count(s => s.Contains("Sysprep.exe") && s.Contains("/generalize"));

    private async Task<string?> TagAsync(string vmId) => (await emulator.GetAsync(vmId)).Str("tags", Tag);

    [Fact]
    public async Task A_guest_that_stops_before_sealing_is_refused_with_SysprepNotSealed_and_not_flagged()
    {
        var group = EmulatorFixture.NewGroup("ev-stops");
        var vm = await emulator.SeedVmAsync(group, "base01", configure: r => r.Guest = new GuestTraits { SysprepOutcome = "stopsEarly" });
        using var ps = emulator.Session(new TestHost());
        var mark = await emulator.MarkAsync();

        var run = ps.Run($"Invoke-VmGeneralize -ResourceGroupName {group} -Name base01 -Force -Verbose; 'after'");

        var error = Assert.Single(run.Errors);
        Assert.Equal("SysprepNotSealed,ImageTools.Commands.InvokeVmGeneralizeCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
        Assert.Equal(vm.Id, error.TargetObject as string, ignoreCase: true);
        // The cmdlet reads the guest every 10 s: the guest stopped before the first reading after Sysprep started.
        Assert.Contains("the guest stopped (power state stopped", error.ErrorDetails.Message);
        Assert.Contains("last ImageState seen: IMAGE_STATE_COMPLETE", error.ErrorDetails.Message);
        Assert.Contains("not tagged, deallocated or marked generalized", error.ErrorDetails.Message);
        Assert.Contains("setuperr.log", error.ErrorDetails.RecommendedAction);
        Assert.Contains("'base01-os-pregeneralize'", error.ErrorDetails.RecommendedAction);
        Assert.Contains("rerun Invoke-VmGeneralize", error.ErrorDetails.RecommendedAction);
        Assert.Null(run.Terminating);
        Assert.Equal("after", Assert.Single(run.Output).BaseObject);
        Assert.Contains("ImageState before Sysprep: IMAGE_STATE_COMPLETE", run.Verbose);
        Assert.DoesNotContain(run.Verbose, v => v.Contains("recording the evidence"));

        var guest = await emulator.Control.GetGuestAsync(group, "base01");
        Assert.False(guest.Generalized);
        Assert.Equal("stopped", guest.PowerState);
        Assert.Null(await TagAsync(vm.Id));
        var writes = await emulator.WritesAsync(mark);
        Assert.DoesNotContain(writes, w => w.Method == "PATCH" || w.Path.EndsWith("/powerOff") || w.Path.EndsWith("/deallocate") || w.Path.EndsWith("/generalize"));
        Assert.Equal("/runCommand", "/" + writes.Last().Path.Split('/').Last());
    }

    [Fact]
    public async Task A_sealed_guest_is_generalized_with_one_sysprep_run_and_the_verbose_stream_names_the_evidence()
    {
        var group = EmulatorFixture.NewGroup("ev-sealed");
        var vm = await emulator.SeedVmAsync(group, "base01");
        using var ps = emulator.Session(new TestHost());

        var run = ps.Run($"Invoke-VmGeneralize -ResourceGroupName {group} -Name base01 -Force -Verbose").AssertClean();

        var output = Assert.Single(run.OutputOf("VmInfo"));
        Assert.Equal("Generalized", RunResult.Prop(output, "OsState"));
        Assert.Equal("deallocated", RunResult.Prop(output, "PowerState"));
        var guest = await emulator.Control.GetGuestAsync(group, "base01");
        Assert.Equal(1, SysprepRuns(guest));
        Assert.Contains(guest.Scripts!, s => s.Contains("'/generalize /oobe /mode:vm /quiet /quit'"));

        Assert.Contains("ImageState before Sysprep: IMAGE_STATE_COMPLETE", run.Verbose);
        Assert.Contains("ImageState: " + Sealed, run.Verbose);
        Assert.Contains(run.Verbose, v => v.StartsWith($"Sysprep sealed the image: ImageState {Sealed} was read from the guest (the evidence)."));
        var value = await TagAsync(vm.Id);
        Assert.StartsWith(Sealed + " ", value);
        Assert.Contains(run.Verbose, v => v.EndsWith($"recording the evidence on the VM ({Tag} = '{value}')"));
        // The plan and the run: the platform powers the VM off (by deallocating it) after the evidence was recorded.
        var steps = Kit.Operations(run.Verbose).Select(o => o.Action).ToList();
        Assert.Contains("Run Sysprep /generalize /oobe /mode:vm /quiet /quit in the guest (irreversible)", steps);
        Assert.Contains("Power off the VM from the platform and deallocate it", steps);
        var recorded = run.Verbose.ToList().FindIndex(v => v.Contains("recording the evidence on the VM"));
        var poweringOff = run.Verbose.ToList().FindIndex(v => v.EndsWith("powering off and deallocating the VM"));
        Assert.True(recorded >= 0 && recorded < poweringOff, string.Join("\n", run.Verbose));
    }

    [Fact]
    public async Task A_rerun_after_a_failed_deallocate_reads_the_seal_again_and_does_not_run_sysprep_again()
    {
        var group = EmulatorFixture.NewGroup("ev-rerun");
        var vm = await emulator.SeedVmAsync(group, "base01");
        using var ps = emulator.Session(new TestHost());
        await emulator.Control.AddFaultAsync(new FaultRule { Kind = "lroFailed", Method = "POST", PathPattern = group + ".*/deallocate$", Count = 1 });
        RunResult first;
        try
        {
            first = ps.Run($"Invoke-VmGeneralize -ResourceGroupName {group} -Name base01 -Force");
        }
        finally
        {
            await emulator.Control.ClearFaultsAsync();
        }
        Assert.StartsWith("InternalOperationError,", Assert.Single(first.Errors).FullyQualifiedErrorId);
        var value = await TagAsync(vm.Id);
        Assert.StartsWith(Sealed + " ", value);
        Assert.False((await emulator.Control.GetGuestAsync(group, "base01")).Generalized);
        var mark = await emulator.MarkAsync();

        var rerun = ps.Run($"Invoke-VmGeneralize -ResourceGroupName {group} -Name base01 -Force -Verbose").AssertClean();

        Assert.Equal("Generalized", RunResult.Prop(Assert.Single(rerun.OutputOf("VmInfo")), "OsState"));
        // The failed deallocate left the sealed guest running: a running VM is verified again, so its seal is
        // read (the domain probe reads ImageState too) and Sysprep is not run again.
        Assert.Contains(rerun.Verbose, v => v.StartsWith($"The guest is already sealed: ImageState {Sealed} was read from it (the evidence); Sysprep is not run again."));
        Assert.Equal(1, SysprepRuns(await emulator.Control.GetGuestAsync(group, "base01")));
        Assert.Single(await emulator.WritesAsync(mark), w => w.Path.EndsWith("/runCommand"));
        Assert.StartsWith(Sealed + " ", await TagAsync(vm.Id));
    }

    [Fact]
    public async Task GuestPollInterval_is_the_longest_pause_not_a_sleep_and_a_non_positive_one_is_refused_before_any_write()
    {
        var group = EmulatorFixture.NewGroup("ev-poll");
        await emulator.SeedVmAsync(group, "base01");
        using var ps = emulator.Session(new TestHost());
        var mark = await emulator.MarkAsync();

        var refused = ps.Run($"Invoke-VmGeneralize -ResourceGroupName {group} -Name base01 -Force -GuestPollInterval 0");

        Assert.Equal("InvalidTimeout,ImageTools.Commands.InvokeVmGeneralizeCommand", Assert.Single(refused.Errors).FullyQualifiedErrorId);
        Assert.Contains("-GuestPollInterval", refused.Errors[0].ErrorDetails.Message);
        Assert.Empty(await emulator.WritesAsync(mark));

        // Sysprep takes a second in the guest; with an hour as the longest pause the seal is still read as soon as
        // it is there: a fixed pause of that length would run into the two-minute -GuestTimeout.
        await emulator.Control.SetTimingAsync(new TimingSettings { PerKind = { ["sysprep"] = 1, ["runCommand"] = 1 } });
        try
        {
            var run = ps.Run($"Invoke-VmGeneralize -ResourceGroupName {group} -Name base01 -Force -SkipSnapshot -GuestTimeout (New-TimeSpan -Minutes 2) -GuestPollInterval (New-TimeSpan -Hours 1)").AssertClean();
            Assert.Equal("Generalized", RunResult.Prop(Assert.Single(run.OutputOf("VmInfo")), "OsState"));
        }
        finally
        {
            await emulator.Control.SetTimingAsync(new TimingSettings());
        }
        Assert.Equal(3, (await emulator.Control.GetGuestAsync(group, "base01")).Scripts!.Count);
    }

    [Fact]
    public async Task New_CapturedImage_names_the_evidence_or_warns_about_a_vm_flagged_generalized_by_hand()
    {
        var group = EmulatorFixture.NewGroup("ev-capture");
        await emulator.SeedVmAsync(group, "base01");
        await emulator.SeedVmAsync(group, "byhand", state: "generalized");
        using var ps = emulator.Session(new TestHost());

        var verified = ps.Run($"Invoke-VmGeneralize -ResourceGroupName {group} -Name base01 -SkipSnapshot -Force | New-CapturedImage -Verbose").AssertClean();
        var flagged = ps.Run($"New-CapturedImage -ResourceGroupName {group} -Name byhand -Verbose").AssertClean();

        Assert.Single(verified.OutputOf("ImageInfo"));
        Assert.Empty(verified.Warnings);
        Assert.Contains(verified.Verbose, v => v.StartsWith($"VM 'base01' was generalized with evidence of its guest step ({Tag} = '{Sealed} "));
        Assert.Single(flagged.OutputOf("ImageInfo"));
        var warning = Assert.Single(flagged.Warnings);
        Assert.StartsWith("VM 'byhand' is marked generalized, but nothing shows its guest was", warning);
        Assert.Contains("may hang at provisioning", warning);
    }
}
