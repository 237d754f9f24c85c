using ImageTools.PowerShell.Tests.Infrastructure;

namespace ImageTools.PowerShell.Tests;

/// <summary>
/// The module in a long-lived process: Remove-Module then Import-Module in the same runspace,
/// and further runspaces of the same process importing it while the first is open (the
/// engine is loaded once per process, into its private load context).
/// </summary>
[Collection(EmulatorCollection.Name)]
public class ModuleLifecycleTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task Remove_Module_then_Import_Module_in_the_same_runspace_works()
    {
        var group = EmulatorFixture.NewGroup("life-reimport");
        var vm = await emulator.SeedVmAsync(group, "gen01", state: "generalized");
        using var ps = emulator.Session(new TestHost());
        ps.Run("$null = Invoke-VmGeneralize -ResourceId $vmId -Force", Kit.Vars(("vmId", vm.Id))).AssertClean();

        var removed = ps.Run("Remove-Module ImageTools -ErrorAction Stop; @(Get-Command -Module ImageTools).Count; [bool](Get-Command New-CapturedImage -ErrorAction SilentlyContinue)").AssertClean();
        Assert.Equal(new object[] { 0, false }, removed.Output.Select(o => o.BaseObject));

        var run = ps.Run($"""
            Import-Module $manifest -ErrorAction Stop
            @(Get-Command -Module ImageTools).Count
            $null = Connect-ImageTools -EmulatorConnectionFile $file
            $image = New-CapturedImage -ResourceGroupName {group} -Name gen01
            $image
            $image | Out-String -Width 250
            """, Kit.Vars(("manifest", Repo.ModuleManifest), ("file", emulator.ConnectionFile))).AssertClean();

        Assert.Equal(Repo.ExportedCmdlets().Count, run.Output[0].BaseObject);
        var image = Assert.Single(run.OutputOf("ImageInfo"));
        Assert.True(await emulator.ExistsAsync(RunResult.Prop(image, "Id")));
        // The format data came back with the module.
        Assert.Contains("SourceKind", (string)run.Output[2].BaseObject);
    }

    [Fact]
    public async Task Several_runspaces_of_one_process_import_the_module_and_run_cmdlets_side_by_side()
    {
        var groupA = EmulatorFixture.NewGroup("life-a");
        var groupB = EmulatorFixture.NewGroup("life-b");
        var vmA = await emulator.SeedVmAsync(groupA, "gen01", state: "generalized");
        var vmB = await emulator.SeedVmAsync(groupB, "gen01", state: "generalized");
        using var first = emulator.Session(new TestHost());
        using var second = emulator.Session(new TestHost());
        using var third = emulator.Session(host: null);

        var runs = await Task.WhenAll(
            Task.Run(() => first.Run($"New-CapturedImage -ResourceId $vmId | New-VmFromImage -ResourceGroupName {groupA} -Name web -Count 2 -Credential $cred",
                Kit.Vars(("vmId", vmA.Id), ("cred", Kit.Credential())))),
            Task.Run(() => second.Run($"New-CapturedImage -ResourceId $vmId | New-VmFromImage -ResourceGroupName {groupB} -Name web -Count 2 -Credential $cred",
                Kit.Vars(("vmId", vmB.Id), ("cred", Kit.Credential())))),
            Task.Run(() => third.Run("Invoke-VmGeneralize -ResourceId $vmId -Force", Kit.Vars(("vmId", vmA.Id)))));

        foreach (var run in runs)
            run.AssertClean();
        var vmsA = runs[0].OutputOf("VmInfo");
        var vmsB = runs[1].OutputOf("VmInfo");
        Assert.Equal(2, vmsA.Count);
        Assert.Equal(2, vmsB.Count);
        Assert.All(vmsA, v => Assert.Equal(groupA, RunResult.Prop(v, "ResourceGroupName")));
        Assert.All(vmsB, v => Assert.Equal(groupB, RunResult.Prop(v, "ResourceGroupName")));
        foreach (var vm in vmsA.Concat(vmsB))
            Assert.True(await emulator.ExistsAsync(RunResult.Prop(vm, "Id")));
        // One engine for the process: every runspace's objects are of the very same type.
        var vmType = vmsA[0].BaseObject.GetType();
        Assert.Same(vmType, vmsB[0].BaseObject.GetType());
        Assert.Same(vmType, runs[2].Output.Single().BaseObject.GetType());
    }
}
