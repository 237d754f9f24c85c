using ImageTools.Emulator.Control;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Tests.Infrastructure;
using ImageTools.Models;

namespace ImageTools.Engine.Tests.Operations;

/// <summary>
/// Undo-VmGeneralize through the engine: a VM whose Sysprep failed gets disks copied from its
/// pre-generalize snapshots swapped in and boots as it was; a VM ARM already flags generalized
/// comes back as a new VM on those disks, the old one left as it is.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class RestoreTests(EmulatorFixture emulator)
{
    private string Disk(string group, string name) => $"/subscriptions/{emulator.SubscriptionId}/resourceGroups/{group}/providers/Microsoft.Compute/disks/{name}";

    [Fact]
    public async Task A_VM_whose_Sysprep_failed_is_restored_in_place_and_boots_as_before()
    {
        var group = EmulatorFixture.NewGroup("restore-failed");
        var vm = await emulator.SeedVmAsync(group, "base01", guest: new GuestTraits { SysprepOutcome = "failed" }, configure: r => r.DataDisks = 1);
        var failed = await Assert.ThrowsAsync<ImageToolsException>(() => emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "base01"), new RecordingHost()));
        Assert.Equal("SysprepFailed", failed.RuleId);
        Assert.NotEqual("IMAGE_STATE_COMPLETE", (await emulator.Control.GetGuestAsync(group, "base01")).ImageState);

        var host = new RecordingHost();
        var restored = await emulator.Engine.RestoreAsync(Refusals.Restore(group, "base01"), host);

        Assert.NotNull(restored);
        Assert.Equal(vm.Id, restored!.Id, ignoreCase: true);
        Assert.Equal(("running", "Specialized"), (restored.PowerState, restored.OsState));
        Assert.Equal(Disk(group, "base01-os-restored"), restored.OsDiskId, ignoreCase: true);
        var guest = await emulator.Control.GetGuestAsync(group, "base01");
        Assert.Equal("IMAGE_STATE_COMPLETE", guest.ImageState);
        Assert.True(guest.AgentReady);
        var model = await emulator.GetArmAsync(vm.Id);
        Assert.EndsWith("/disks/base01-lun0-restored", model.GetProperty("properties").GetProperty("storageProfile").GetProperty("dataDisks")[0]
            .GetProperty("managedDisk").GetProperty("id").GetString(), StringComparison.OrdinalIgnoreCase);
        // The disks it had are kept, detached, and named in verbose.
        var old = await emulator.GetArmAsync(vm.OsDiskId, "2023-04-02");
        Assert.Equal("Unattached", old.GetProperty("properties").GetProperty("diskState").GetString());
        Assert.Contains(host.Verbose, v => v.Contains("was swapped out and is kept, detached"));
        var copy = await emulator.GetArmAsync(Disk(group, "base01-os-restored"), "2023-04-02");
        Assert.Equal(vm.Id, copy.GetProperty("tags").GetProperty("imagetools-restored-from").GetString(), ignoreCase: true);
    }

    [Fact]
    public async Task A_VM_flagged_generalized_comes_back_as_a_new_VM_and_stays_generalized()
    {
        var group = EmulatorFixture.NewGroup("restore-gen");
        var vm = await emulator.SeedVmAsync(group, "base01");
        await emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "base01"), new RecordingHost());

        var host = new RecordingHost();
        var restored = await emulator.Engine.RestoreAsync(Refusals.Restore(group, "base01", r => r.NewVmName = "base01-back"), host);

        Assert.Equal(("base01-back", "running", "Specialized"), (restored!.Name, restored.PowerState, restored.OsState));
        Assert.Contains(host.Warnings, w => w.Contains("flagged generalized in ARM, and that cannot be undone") && w.Contains("'base01-back'"));
        Assert.Equal("IMAGE_STATE_COMPLETE", (await emulator.Control.GetGuestAsync(group, "base01-back")).ImageState);
        var old = await emulator.Control.GetGuestAsync(group, "base01");
        Assert.True(old.Generalized);
        var nic = await emulator.GetArmAsync(Assert.Single(restored.NetworkInterfaceIds), "2023-09-01");
        Assert.EndsWith("base01-back-nic", nic.GetProperty("name").GetString());
        Assert.Equal(vm.Id, restored.Tags["imagetools-restored-from"], ignoreCase: true);
    }

    [Fact]
    public async Task WhatIf_shows_the_copies_and_the_swap_and_writes_nothing()
    {
        var group = EmulatorFixture.NewGroup("restore-whatif");
        await emulator.SeedVmAsync(group, "base01", guest: new GuestTraits { SysprepOutcome = "failed" });
        await Assert.ThrowsAsync<ImageToolsException>(() => emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "base01"), new RecordingHost()));
        var mark = await emulator.MarkAsync();
        var host = new RecordingHost { IsWhatIf = true };

        Assert.Null(await emulator.Engine.RestoreAsync(Refusals.Restore(group, "base01"), host));

        await emulator.AssertNoWritesAsync(group, mark);
        var actions = host.ShouldProcessCalls.Select(c => c.Action).ToList();
        Assert.Contains("Create disk 'base01-os-restored' from snapshot 'base01-os-pregeneralize'", actions);
        Assert.Contains("Deallocate the VM (a disk swap needs it deallocated)", actions);
        Assert.Contains(actions, a => a.StartsWith("Swap in the restored disks ('base01-os-restored' for "));
        Assert.Equal("Start the VM", actions.Last());
    }
}
