using ImageTools.Emulator.Control;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Tests.Infrastructure;
using ImageTools.Models;

namespace ImageTools.Engine.Tests.Operations;

[Collection(EmulatorCollection.Name)]
public class GeneralizeTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_running_windows_vm_is_snapshotted_sysprepped_deallocated_and_marked_generalized()
    {
        var group = EmulatorFixture.NewGroup("gen-win");
        var seeded = await emulator.SeedVmAsync(group, "base01", configure: r => r.DataDisks = 1);
        var host = new RecordingHost();

        var vm = await emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "base01"), host);

        Assert.NotNull(vm);
        Assert.Equal("Generalized", vm!.OsState);
        Assert.Equal("deallocated", vm.PowerState);
        Assert.Equal(seeded.Id, vm.Id, ignoreCase: true);
        Assert.Equal(2, vm.SnapshotIds.Length);
        Assert.Contains(vm.SnapshotIds, id => id.EndsWith("/snapshots/base01-os-pregeneralize", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(vm.SnapshotIds, id => id.EndsWith("/snapshots/base01-lun0-pregeneralize", StringComparison.OrdinalIgnoreCase));
        Assert.Same(vm, Assert.Single(host.Objects));
        // Sysprep /quit left the sealed guest running: the seal was read from it, then the platform powered it off.
        Assert.Contains(host.Verbose, v => v.Contains("ImageState IMAGE_STATE_GENERALIZE_RESEAL_TO_OOBE was read from the guest (the evidence)"));

        var guest = await emulator.Control.GetGuestAsync(group, "base01");
        Assert.True(guest.Generalized);
        Assert.Equal("IMAGE_STATE_GENERALIZE_RESEAL_TO_OOBE", guest.ImageState);
        Assert.Equal(1, guest.Scripts!.Count(s => s.Contains("/generalize /oobe /mode:vm /quiet /quit")));

        var writes = await emulator.WritesAsync(group);
        var order = writes.Select(w => w.Method + " " + w.Path.Split('/').Last()).ToList();
        // The read-only domain probe (which reads ImageState too), then snapshots, then Sysprep and one ImageState
        // reading; the evidence tag, the platform's power-off by deallocating, then generalize.
        Assert.Equal(3, order.Count(w => w == "POST runCommand"));
        var probe = order.IndexOf("POST runCommand");
        var firstSnapshot = order.FindIndex(w => w.StartsWith("PUT base01-os-pregeneralize"));
        var lastRunCommand = order.LastIndexOf("POST runCommand");
        var tag = order.IndexOf("PATCH default");
        var deallocate = order.IndexOf("POST deallocate");
        var generalize = order.IndexOf("POST generalize");
        Assert.DoesNotContain("POST powerOff", order);
        Assert.True(probe < firstSnapshot && firstSnapshot < lastRunCommand && lastRunCommand < tag && tag < deallocate && deallocate < generalize,
            string.Join("\n", order));
        Assert.Single(order, w => w.StartsWith("PATCH"));
        Assert.Equal(generalize, order.Count - 1);
    }

    [Fact]
    public async Task A_running_linux_vm_is_deprovisioned_with_waagent_and_generalized()
    {
        var group = EmulatorFixture.NewGroup("gen-linux");
        await emulator.SeedVmAsync(group, "lin01", os: "Linux");
        var host = new RecordingHost();

        var vm = await emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "lin01", r => r.CloudInitClean = true), host);

        Assert.Equal("Generalized", vm!.OsState);
        Assert.Equal("Linux", vm.OsType);
        var guest = await emulator.Control.GetGuestAsync(group, "lin01");
        Assert.True(guest.Deprovisioned);
        Assert.True(guest.Generalized);
        Assert.Contains(guest.Scripts!, s => s.Contains("waagent -deprovision+user -force") && s.Contains("cloud-init clean --logs"));
    }

    [Fact]
    public async Task Skip_snapshot_takes_no_snapshot()
    {
        var group = EmulatorFixture.NewGroup("gen-nosnap");
        await emulator.SeedVmAsync(group, "base01", configure: r => r.DataDisks = 2);
        var host = new RecordingHost();

        var vm = await emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "base01", r => r.SkipSnapshot = true), host);

        Assert.Equal("Generalized", vm!.OsState);
        Assert.Empty(vm.SnapshotIds);
        Assert.DoesNotContain(await emulator.RequestsAsync(group), r => r.Path.Contains("/snapshots/"));
        Assert.DoesNotContain(host.ShouldProcessCalls, c => c.Action.StartsWith("Snapshot"));
    }

    [Fact]
    public async Task A_time_limit_that_is_not_positive_is_refused_before_anything_is_read()
    {
        var group = EmulatorFixture.NewGroup("gen-timeout");
        var mark = await emulator.MarkAsync();

        var e = await Assert.ThrowsAsync<ImageTools.Engine.Hosting.ImageToolsException>(() => emulator.Engine.GeneralizeAsync(
            Refusals.Generalize(group, "base01", r => r.GuestTimeout = TimeSpan.Zero), new RecordingHost()));

        Assert.Equal("InvalidTimeout", e.RuleId);
        Assert.Contains("-GuestTimeout", e.Message);
        Assert.Empty(await emulator.RequestsAsync(group, mark));
    }
}
