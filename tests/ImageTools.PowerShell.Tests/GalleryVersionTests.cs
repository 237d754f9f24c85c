using System.Management.Automation;
using ImageTools.PowerShell.Tests.Infrastructure;

namespace ImageTools.PowerShell.Tests;

/// <summary>
/// Get-, Update- and Remove-GalleryVersion through the real cmdlets: a definition with five
/// versions pruned to three keeps the latest and the one a VM was built from; versions bind from
/// Publish-GalleryVersion's output, from Az's PSGalleryImageVersion and PSGalleryImageDefinition
/// shapes and from plain ids; -WhatIf lists exactly what would go; refusals are ErrorRecords with
/// the rule's id and nothing written.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class GalleryVersionTests(EmulatorFixture emulator)
{
    /// <summary>Versions 1.0.0 … 1.0.4 of gallery/web; a VM built from the definition while 1.0.0 was latest; 1.0.3 and 1.0.4 excluded from latest.</summary>
    private async Task<(string Group, string Gallery, PsSession Ps)> FiveVersionsAsync(string purpose)
    {
        var group = EmulatorFixture.NewGroup(purpose);
        var vm = await emulator.SeedVmAsync(group, "golden", state: "generalized");
        var gallery = Kit.Gallery(group);
        var ps = emulator.Session(new TestHost());
        ps.Run($$"""
            $first = Publish-GalleryVersion -ResourceId $vmId -GalleryName {{gallery}} -DefinitionName web -Publisher contoso -Offer web -Sku v1 -Version 1.0.0
            New-VmFromImage -ResourceId $first.DefinitionId -ResourceGroupName {{group}} -Name old -Credential $cred | Out-Null
            '1.0.1', '1.0.2' | ForEach-Object { Publish-GalleryVersion -ResourceId $vmId -GalleryName {{gallery}} -DefinitionName web -Version $_ | Out-Null }
            '1.0.3', '1.0.4' | ForEach-Object { Publish-GalleryVersion -ResourceId $vmId -GalleryName {{gallery}} -DefinitionName web -Version $_ -ExcludeFromLatest | Out-Null }
            """, Kit.Vars(("vmId", vm.Id), ("cred", Kit.Credential()))).AssertClean();
        return (group, gallery, ps);
    }

    private static string[] Names(RunResult run) => run.OutputOf("GalleryVersionInfo").Select(v => RunResult.Prop(v, "Name")).ToArray();

    [Fact]
    public async Task Five_versions_pruned_to_three_keep_the_latest_and_the_one_a_VM_was_built_from()
    {
        var (group, gallery, ps) = await FiveVersionsAsync("gv-prune");
        using var _ = ps;

        var listed = ps.Run($"Get-GalleryVersion {group} {gallery} web").AssertClean();
        Assert.Equal(new[] { "1.0.4", "1.0.3", "1.0.2", "1.0.1", "1.0.0" }, Names(listed));
        Assert.Equal("1.0.2", RunResult.Prop(Assert.Single(listed.OutputOf("GalleryVersionInfo"), v => (bool)v.Properties["IsLatest"].Value), "Name"));

        var mark = await emulator.MarkAsync();
        var whatIf = ps.RunToHost($"Remove-GalleryVersion {group} {gallery} web -KeepLatest 3 -WhatIf -Verbose").AssertClean();
        var whatIfLine = Assert.Single(whatIf.WhatIfLines);
        Assert.Contains("Remove image version '1.0.1'", whatIfLine);
        Assert.Contains(whatIf.Verbose, v => v.Contains("Keeping '1.0.0': built from it: VM 'old'"));
        await emulator.AssertNoWritesAsync(mark);

        var pruned = ps.Run($"Remove-GalleryVersion {group} {gallery} web -KeepLatest 3 -Confirm:$false -PassThru").AssertClean();
        Assert.Equal(new[] { "1.0.1" }, Names(pruned));
        Assert.Equal(new[] { "1.0.4", "1.0.3", "1.0.2", "1.0.0" }, Names(ps.Run($"Get-GalleryVersion {group} {gallery} web").AssertClean()));
    }

    [Fact]
    public async Task A_version_in_use_or_the_latest_is_refused_as_an_ErrorRecord_and_nothing_is_removed()
    {
        var (group, gallery, ps) = await FiveVersionsAsync("gv-refuse");
        using var _ = ps;
        var mark = await emulator.MarkAsync();

        var run = ps.Run($"Get-GalleryVersion {group} {gallery} web -Name 1.0.0, 1.0.2 | Remove-GalleryVersion -Confirm:$false; 'next'");

        // Get-GalleryVersion emits the highest version first: 1.0.2 (the latest), then 1.0.0 (in use).
        Assert.Equal(new[] { "VersionIsLatest,ImageTools.Commands.RemoveGalleryVersionCommand", "VersionInUse,ImageTools.Commands.RemoveGalleryVersionCommand" },
            run.Errors.Select(e => e.FullyQualifiedErrorId).ToArray());
        Assert.Contains("-Force", run.Errors[1].ErrorDetails.RecommendedAction);
        Assert.Equal("next", run.Output.Last().BaseObject);
        await emulator.AssertNoWritesAsync(mark);
    }

    [Fact]
    public async Task Az_shaped_objects_and_Publish_output_bind_to_Get_and_Update()
    {
        var group = EmulatorFixture.NewGroup("gv-bind");
        var vm = await emulator.SeedVmAsync(group, "golden", state: "generalized");
        var gallery = Kit.Gallery(group);
        using var ps = emulator.Session(new TestHost());

        var run = ps.Run($$"""
            $v = Publish-GalleryVersion -ResourceId $vmId -GalleryName {{gallery}} -DefinitionName web -Publisher contoso -Offer web -Sku v1 -Version 1.0.0
            $definition = [pscustomobject]@{ Id = $v.DefinitionId; Name = 'web'; ResourceGroupName = '{{group}}' }   # PSGalleryImageDefinition's shape
            $definition | Get-GalleryVersion
            [pscustomobject]@{ Id = $v.Id; Name = '1.0.0'; ResourceGroupName = '{{group}}' } | Update-GalleryVersion -AddRegion westeurope=2 -EndOfLifeDate (Get-Date).AddDays(30)
            $v | Update-GalleryVersion -ExcludeFromLatest
            $v.Id | Get-GalleryVersion
            """, Kit.Vars(("vmId", vm.Id))).AssertClean();

        var outputs = run.OutputOf("GalleryVersionInfo");
        // $v is assigned, not emitted: Get, Update, Update, Get.
        Assert.True(outputs.Count == 4, run.Describe());
        Assert.True((bool)outputs[0].Properties["IsLatest"].Value);
        var regions = ((IEnumerable<object>)outputs[1].Properties["TargetRegions"].Value).Select(r => PSObject.AsPSObject(r)).ToList();
        Assert.Contains(regions, r => RunResult.Prop(r, "Name") == "West Europe" && RunResult.Prop(r, "ReplicaCount") == "2" && RunResult.Prop(r, "State") == "Completed");
        Assert.NotEqual("", RunResult.Prop(outputs[1], "EndOfLifeDate"));
        Assert.Equal(("True", "False"), (RunResult.Prop(outputs[2], "ExcludeFromLatest"), RunResult.Prop(outputs[2], "IsLatest")));
        Assert.Equal(("1.0.0", "True", "False"), (RunResult.Prop(outputs[3], "Name"), RunResult.Prop(outputs[3], "ExcludeFromLatest"), RunResult.Prop(outputs[3], "IsLatest")));
    }

    [Fact]
    public async Task Update_refusals_are_ErrorRecords_before_any_write_and_AsJob_updates_in_the_background()
    {
        var group = EmulatorFixture.NewGroup("gv-upd");
        var vm = await emulator.SeedVmAsync(group, "golden", state: "generalized");
        var gallery = Kit.Gallery(group);
        using var ps = emulator.Session(new TestHost());
        ps.Run($"Publish-GalleryVersion -ResourceId $vmId -GalleryName {gallery} -DefinitionName web -Publisher contoso -Offer web -Sku v1 -Version 1.0.0 -TargetRegion eastus,westus",
            Kit.Vars(("vmId", vm.Id))).AssertClean();
        var mark = await emulator.MarkAsync();

        var refused = ps.Run($"Update-GalleryVersion {group} {gallery} web 1.0.0 -RemoveRegion eastus -AddRegion atlantis -EndOfLifeDate (Get-Date).AddDays(-1)");
        var error = Assert.Single(refused.Errors);
        Assert.Equal("UpdateRegionUnknown,ImageTools.Commands.UpdateGalleryVersionCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        await emulator.AssertNoWritesAsync(mark);

        var job = ps.Run($"$j = Update-GalleryVersion {group} {gallery} web 1.0.0 -RemoveRegion westus -AsJob -Confirm:$false; $j | Wait-Job | Receive-Job").AssertClean();
        var updated = Assert.Single(job.OutputOf("GalleryVersionInfo"));
        var regions = ((IEnumerable<object>)updated.Properties["TargetRegions"].Value).Select(r => RunResult.Prop(PSObject.AsPSObject(r), "Name")).ToArray();
        Assert.Equal(new[] { "East US" }, regions);
    }
}
