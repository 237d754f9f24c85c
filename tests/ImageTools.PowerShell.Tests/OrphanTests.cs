using ImageTools.PowerShell.Tests.Infrastructure;

namespace ImageTools.PowerShell.Tests;

/// <summary>
/// Get- and Remove-ImageToolsOrphan through the real cmdlets: what ImageTools made for VMs that no
/// longer exist (a pre-generalize snapshot of a VM deleted by -DeleteSourceVm; the isolated network
/// a clone deleted outside ImageTools left) is listed by its tags and removed, retention respected;
/// snapshots of a VM that exists and resources ImageTools did not make are neither listed nor removed.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class OrphanTests(EmulatorFixture emulator)
{
    private static string[] Names(RunResult run) => run.OutputOf("OrphanInfo").Select(o => RunResult.Prop(o, "Name")).ToArray();

    [Fact]
    public async Task Orphans_of_deleted_VMs_are_listed_by_their_tags_and_removed_while_everything_else_stays()
    {
        var group = EmulatorFixture.NewGroup("orphans");
        await emulator.SeedVmAsync(group, "golden01", configure: r => r.SecurityType = "Standard");
        await emulator.SeedVmAsync(group, "base01", state: "running");
        var keep = await emulator.SeedVmAsync(group, "keep01");
        using var ps = emulator.Session(new TestHost());
        ps.Run($"""
            $null = Invoke-VmGeneralize -ResourceGroupName {group} -Name golden01 -Clone -Force
            $null = Invoke-VmGeneralize -ResourceGroupName {group} -Name base01 -Force | New-CapturedImage -DeleteSourceVm -Force
            $null = Invoke-VmGeneralize -ResourceGroupName {group} -Name keep01 -Force
            """).AssertClean();
        var prefix = $"/subscriptions/{emulator.SubscriptionId}/resourceGroups/{group}/providers";
        // The clone deleted the way Remove-AzVM deletes it: its disks and NIC go with it (deleteOption Delete), its network stays.
        await emulator.DeleteAsync($"{prefix}/Microsoft.Compute/virtualMachines/golden01-clone");
        // A snapshot ImageTools did not make.
        await emulator.PutSnapshotAsync($"{prefix}/Microsoft.Compute/snapshots/manual-backup", keep.OsDiskId);

        var listed = ps.Run($"Get-ImageToolsOrphan -ResourceGroupName {group}").AssertClean();
        Assert.Equal(new[] { "base01-os-pregeneralize", "golden01-clone-isolated-vnet" }, Names(listed).OrderBy(n => n));
        var vnet = Assert.Single(listed.OutputOf("OrphanInfo"), o => RunResult.Prop(o, "Name") == "golden01-clone-isolated-vnet");
        Assert.Equal(("ClonePart", "golden01-clone", "Microsoft.Network/virtualNetworks"),
            (RunResult.Prop(vnet, "Kind"), RunResult.Prop(vnet, "VmName"), RunResult.Prop(vnet, "ResourceType")));
        Assert.Equal(new[] { "base01-os-pregeneralize" }, Names(ps.Run($"Get-ImageToolsOrphan {group} -VmName base01").AssertClean()));

        var mark = await emulator.MarkAsync();
        var whatIf = ps.Run($"Get-ImageToolsOrphan {group} | Remove-ImageToolsOrphan -IgnoreRetention -WhatIf").AssertClean();
        Assert.Equal(2, whatIf.WhatIfLines.Count());
        await emulator.AssertNoWritesAsync(mark);

        // Invoke-VmGeneralize retains its snapshots 30 days: that one is refused; the network goes.
        var first = ps.Run($"Get-ImageToolsOrphan {group} | Remove-ImageToolsOrphan -Force");
        Assert.Equal("OrphanRetained,ImageTools.Commands.RemoveImageToolsOrphanCommand", Assert.Single(first.Errors).FullyQualifiedErrorId);
        Assert.Equal(new[] { "golden01-clone-isolated-vnet" }, Names(first));
        Assert.False(await emulator.ExistsAsync($"{prefix}/Microsoft.Network/virtualNetworks/golden01-clone-isolated-vnet", "2023-09-01"));

        var second = ps.Run($"Get-ImageToolsOrphan {group} | Remove-ImageToolsOrphan -Force -IgnoreRetention").AssertClean();
        Assert.Equal(new[] { "base01-os-pregeneralize" }, Names(second));
        Assert.All(second.OutputOf("OrphanInfo"), o => Assert.Equal("True", RunResult.Prop(o, "Removed")));
        Assert.Empty(ps.Run($"Get-ImageToolsOrphan {group}").AssertClean().OutputOf("OrphanInfo"));
        Assert.True(await emulator.ExistsAsync($"{prefix}/Microsoft.Compute/snapshots/keep01-os-pregeneralize", "2023-04-02"));
        Assert.True(await emulator.ExistsAsync($"{prefix}/Microsoft.Compute/snapshots/manual-backup", "2023-04-02"));
    }

    [Fact]
    public async Task What_ImageTools_did_not_make_or_made_for_a_VM_that_exists_is_refused_as_an_ErrorRecord_with_no_write()
    {
        var group = EmulatorFixture.NewGroup("orphans-refuse");
        var keep = await emulator.SeedVmAsync(group, "keep01");
        using var ps = emulator.Session(new TestHost());
        ps.Run($"$null = Invoke-VmGeneralize -ResourceGroupName {group} -Name keep01 -Force").AssertClean();
        var prefix = $"/subscriptions/{emulator.SubscriptionId}/resourceGroups/{group}/providers/Microsoft.Compute/snapshots";
        await emulator.PutSnapshotAsync($"{prefix}/manual-backup", keep.OsDiskId);
        var mark = await emulator.MarkAsync();

        var run = ps.Run($"'{prefix}/keep01-os-pregeneralize', '{prefix}/manual-backup' | Remove-ImageToolsOrphan -Force -IgnoreRetention; 'next'");

        Assert.Equal(new[] { "OrphanVmExists,ImageTools.Commands.RemoveImageToolsOrphanCommand", "OrphanNotMadeByImageTools,ImageTools.Commands.RemoveImageToolsOrphanCommand" },
            run.Errors.Select(e => e.FullyQualifiedErrorId).ToArray());
        Assert.Contains("Remove-ImageToolsSnapshot", run.Errors[0].ErrorDetails.RecommendedAction);
        Assert.Equal("next", run.Output.Last().BaseObject);
        await emulator.AssertNoWritesAsync(mark);
    }
}
