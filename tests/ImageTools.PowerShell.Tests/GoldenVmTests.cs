using ImageTools.PowerShell.Tests.Infrastructure;

namespace ImageTools.PowerShell.Tests;

/// <summary>
/// Keeping the golden VM alive, through the real cmdlets against the emulator: a -Clone run leaves
/// the source running and unchanged (never stopped, same disks and tags, nothing written to it)
/// while the clone's image reaches a fleet, and -DeleteSourceVm removes the clone and what it owned.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class GoldenVmTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task The_source_of_a_clone_run_stays_running_and_unchanged_while_its_image_reaches_a_fleet()
    {
        var group = EmulatorFixture.NewGroup("golden");
        var source = await emulator.SeedVmAsync(group, "golden01", configure: r => { r.DataDisks = 1; r.SecurityType = "Standard"; });
        var before = await emulator.GetAsync(source.Id);
        var mark = await emulator.MarkAsync();
        using var ps = emulator.Session(new TestHost());

        var run = ps.Run(
            $"Invoke-VmGeneralize -ResourceGroupName {group} -Name golden01 -Clone -Force | " +
            $"New-CapturedImage -ImageName golden-img -DeleteSourceVm -Force | " +
            $"New-VmFromImage -ResourceGroupName {group} -Name web -Count 2 -Credential $cred",
            Kit.Vars(("cred", Kit.Credential()))).AssertClean();

        var fleet = run.OutputOf("VmInfo");
        Assert.Equal(new[] { "web-01", "web-02" }, fleet.Select(v => RunResult.Prop(v, "Name")).OrderBy(n => n));
        Assert.All(fleet, v => Assert.Equal("running", RunResult.Prop(v, "PowerState")));

        // The source: never a write on its path (no power action, no tag), same disks and tags, running, not generalized.
        var requests = await emulator.RequestsAsync(mark);
        Assert.DoesNotContain(requests, r => r.Method != "GET" && r.Path.TrimEnd('/').Split('/').Contains("golden01"));
        var after = await emulator.GetAsync(source.Id);
        Assert.Equal(before.GetProperty("properties").GetProperty("storageProfile").ToString(), after.GetProperty("properties").GetProperty("storageProfile").ToString());
        Assert.Equal(before.TryGetProperty("tags", out var t1) ? t1.ToString() : "", after.TryGetProperty("tags", out var t2) ? t2.ToString() : "");
        var guest = await emulator.Control.GetGuestAsync(group, "golden01");
        Assert.Equal("running", guest.PowerState);
        Assert.False(guest.Generalized);

        // The clone is gone once the image read Succeeded, with the disks and NIC it owned.
        var prefix = $"/subscriptions/{emulator.SubscriptionId}/resourceGroups/{group}/providers";
        Assert.False(await emulator.ExistsAsync($"{prefix}/Microsoft.Compute/virtualMachines/golden01-clone"));
        Assert.False(await emulator.ExistsAsync($"{prefix}/Microsoft.Compute/disks/golden01-clone-os"));
        Assert.False(await emulator.ExistsAsync($"{prefix}/Microsoft.Compute/disks/golden01-clone-lun0"));
        Assert.False(await emulator.ExistsAsync($"{prefix}/Microsoft.Network/networkInterfaces/golden01-clone-nic", "2023-09-01"));
        var image = await emulator.GetAsync($"{prefix}/Microsoft.Compute/images/golden-img");
        Assert.Equal("Succeeded", image.Str("properties", "provisioningState"));
    }

    [Fact]
    public async Task A_failed_Sysprep_is_rolled_back_to_a_VM_that_boots_as_before()
    {
        var group = EmulatorFixture.NewGroup("rollback");
        var vm = await emulator.SeedVmAsync(group, "base01", configure: r => { r.DataDisks = 1; r.Guest = new ImageTools.Emulator.Control.GuestTraits { SysprepOutcome = "failed" }; });
        var before = await emulator.Control.GetGuestAsync(group, "base01");
        var vmIdBefore = (await emulator.GetAsync(vm.Id)).Str("properties", "vmId");
        using var ps = emulator.Session(new TestHost());

        var failed = ps.Run($"Invoke-VmGeneralize -ResourceGroupName {group} -Name base01 -Force");
        Assert.Equal("SysprepFailed,ImageTools.Commands.InvokeVmGeneralizeCommand", Assert.Single(failed.Errors).FullyQualifiedErrorId);
        // The failed Sysprep left the guest half-sealed: it would not boot as it did.
        Assert.Equal(("IMAGE_STATE_COMPLETE", "IMAGE_STATE_UNDEPLOYABLE"), (before.ImageState, (await emulator.Control.GetGuestAsync(group, "base01")).ImageState));

        // A VM piped in the way Get-AzVM emits it: bound by its Id.
        var run = ps.Run("[pscustomobject]@{ Id = $vmId; Name = 'base01'; ResourceGroupName = 'other' } | Undo-VmGeneralize -Force -Verbose",
            Kit.Vars(("vmId", vm.Id))).AssertClean();

        var restored = Assert.Single(run.OutputOf("VmInfo"));
        Assert.Equal(("base01", "running", "Specialized"), (RunResult.Prop(restored, "Name"), RunResult.Prop(restored, "PowerState"), RunResult.Prop(restored, "OsState")));
        var guest = await emulator.Control.GetGuestAsync(group, "base01");
        Assert.Equal("IMAGE_STATE_COMPLETE", guest.ImageState);
        Assert.True(guest.AgentReady);
        Assert.False(guest.Generalized);
        Assert.EndsWith("/disks/base01-os-restored", RunResult.Prop(restored, "OsDiskId"), StringComparison.OrdinalIgnoreCase);
        // The same VM (not a new one), on disks restored from both snapshots, booted as it was before Sysprep.
        var after = await emulator.GetAsync(vm.Id);
        Assert.Equal(vmIdBefore, after.Str("properties", "vmId"));
        Assert.EndsWith("/disks/base01-lun0-restored", after.GetProperty("properties").GetProperty("storageProfile").GetProperty("dataDisks")[0].Str("managedDisk", "id"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal((before.ImageState, before.PowerState, before.Generalized), (guest.ImageState, guest.PowerState, guest.Generalized));
        Assert.Contains(run.Verbose, v => v.Contains("swapping in the restored disks"));
    }

    [Fact]
    public async Task Rollback_without_snapshots_is_refused_with_an_error_record_and_no_write()
    {
        var group = EmulatorFixture.NewGroup("rollback-none");
        await emulator.SeedVmAsync(group, "base01");
        using var ps = emulator.Session(new TestHost());
        var mark = await emulator.MarkAsync();

        var run = ps.Run($"Undo-VmGeneralize -ResourceGroupName {group} -Name base01 -Force; 'after'");

        var error = Assert.Single(run.Errors);
        Assert.Equal("RestoreSnapshotMissing,ImageTools.Commands.UndoVmGeneralizeCommand", error.FullyQualifiedErrorId);
        Assert.Contains("base01-os-pregeneralize", error.ErrorDetails.Message);
        Assert.Equal("after", Assert.Single(run.Output).BaseObject);
        await emulator.AssertNoWritesAsync(mark);
    }

    [Fact]
    public async Task Snapshots_listed_by_Get_ImageToolsSnapshot_are_piped_into_Remove_ImageToolsSnapshot()
    {
        var group = EmulatorFixture.NewGroup("snapclean");
        await emulator.SeedVmAsync(group, "base01", configure: r => r.DataDisks = 1);
        await emulator.SeedVmAsync(group, "base02");
        using var ps = emulator.Session(new TestHost());
        ps.Run($"$null = Invoke-VmGeneralize -ResourceGroupName {group} -Name base01 -Force; $null = Invoke-VmGeneralize -ResourceGroupName {group} -Name base02 -Force").AssertClean();

        var listed = ps.Run($"Get-ImageToolsSnapshot -ResourceGroupName {group}").AssertClean();
        Assert.Equal(new[] { "base01-lun0-pregeneralize", "base01-os-pregeneralize", "base02-os-pregeneralize" },
            listed.OutputOf("SnapshotInfo").Select(s => RunResult.Prop(s, "Name")).OrderBy(n => n));

        // Invoke-VmGeneralize retains its snapshots for 30 days by default: a removal before then is refused, nothing goes.
        var prefix = $"/subscriptions/{emulator.SubscriptionId}/resourceGroups/{group}/providers/Microsoft.Compute/snapshots";
        var refused = ps.Run($"Get-ImageToolsSnapshot -ResourceGroupName {group} -VmName base01 | Remove-ImageToolsSnapshot -Force");
        Assert.Equal(2, refused.Errors.Count);
        Assert.All(refused.Errors, e => Assert.Equal("SnapshotRetained,ImageTools.Commands.RemoveImageToolsSnapshotCommand", e.FullyQualifiedErrorId));
        Assert.True(await emulator.ExistsAsync($"{prefix}/base01-os-pregeneralize", "2023-04-02"));

        var run = ps.Run($"Get-ImageToolsSnapshot -ResourceGroupName {group} -VmName base01 | Remove-ImageToolsSnapshot -Force -IgnoreRetention").AssertClean();

        var removed = run.OutputOf("SnapshotInfo");
        Assert.Equal(2, removed.Count);
        Assert.All(removed, s => Assert.Equal("True", RunResult.Prop(s, "Removed")));
        Assert.False(await emulator.ExistsAsync($"{prefix}/base01-os-pregeneralize", "2023-04-02"));
        Assert.False(await emulator.ExistsAsync($"{prefix}/base01-lun0-pregeneralize", "2023-04-02"));
        Assert.True(await emulator.ExistsAsync($"{prefix}/base02-os-pregeneralize", "2023-04-02"));
    }
}
