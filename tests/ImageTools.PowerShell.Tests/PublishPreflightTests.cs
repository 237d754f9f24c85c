using System.Management.Automation;
using ImageTools.PowerShell.Tests.Infrastructure;

namespace ImageTools.PowerShell.Tests;

/// <summary>
/// Publish-GalleryVersion checks region names against the subscription's locations (and where
/// gallery image versions are offered) and the replica total before any write, and warns about a
/// source VM flagged generalized without evidence unless -GuestGeneralized says the guest was.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class PublishPreflightTests(EmulatorFixture emulator)
{
    private static string Publish(string gallery, string more) =>
        $"Publish-GalleryVersion -ResourceId $vmId -GalleryName {gallery} -DefinitionName web -Publisher contoso -Offer web -Sku v1 -Version 1.0.0 {more}";

    [Theory]
    [InlineData("-TargetRegion eastus,notaregion", "region 'notaregion' is not a location of this subscription")]
    [InlineData("-TargetRegion 'westeurope=2','northeuropa'", "region 'northeuropa' is not a location of this subscription (closest valid names: northeurope")]
    [InlineData("-Location 'West Europ'", "-Location 'westeurop' is not a location of this subscription (closest valid names: westeurope")]
    public async Task A_bad_region_for_a_new_gallery_is_refused_before_the_gallery_is_created(string regions, string expected)
    {
        var group = EmulatorFixture.NewGroup("pf-region");
        var vm = await emulator.SeedVmAsync(group, "gen01", state: "generalized");
        var gallery = Kit.Gallery(group);
        using var ps = emulator.Session(new TestHost());
        var mark = await emulator.MarkAsync();

        var run = ps.Run(Publish(gallery, regions) + "; 'after'", Kit.Vars(("vmId", vm.Id)));

        var error = Assert.Single(run.Errors);
        Assert.Equal("TargetRegionNotAvailable,ImageTools.Commands.PublishGalleryVersionCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains(expected, error.ErrorDetails.Message);
        Assert.Contains("Get-AzLocation", error.ErrorDetails.RecommendedAction);
        Assert.Equal("after", Assert.Single(run.Output).BaseObject);
        await emulator.AssertNoWritesAsync(mark);
        Assert.False(await emulator.ExistsAsync($"/subscriptions/{emulator.SubscriptionId}/resourceGroups/{group}/providers/Microsoft.Compute/galleries/{gallery}", "2022-03-03"));
    }

    [Fact]
    public async Task More_than_100_replicas_over_all_regions_are_refused_before_any_write()
    {
        var group = EmulatorFixture.NewGroup("pf-replicas");
        var vm = await emulator.SeedVmAsync(group, "gen01", state: "generalized");
        using var ps = emulator.Session(new TestHost());
        var mark = await emulator.MarkAsync();

        var run = ps.Run(Publish(Kit.Gallery(group), "-TargetRegion 'eastus=60','westeurope=41'"), Kit.Vars(("vmId", vm.Id)));

        var error = Assert.Single(run.Errors);
        Assert.Equal("TargetRegionTooManyReplicas,ImageTools.Commands.PublishGalleryVersionCommand", error.FullyQualifiedErrorId);
        Assert.Contains("101 replicas in 2 regions", error.ErrorDetails.Message);
        await emulator.AssertNoWritesAsync(mark);
    }

    [Fact]
    public async Task A_vm_without_evidence_is_published_with_a_warning_and_GuestGeneralized_silences_it()
    {
        var group = EmulatorFixture.NewGroup("pf-evidence");
        var vm = await emulator.SeedVmAsync(group, "gen01", state: "generalized");
        var gallery = Kit.Gallery(group);
        using var ps = emulator.Session(new TestHost());

        var warned = ps.Run(Publish(gallery, "-WhatIf"), Kit.Vars(("vmId", vm.Id))).AssertClean();
        var warning = Assert.Single(warned.Warnings);
        Assert.StartsWith("VM 'gen01' is marked generalized, but nothing shows its guest was", warning);
        Assert.Contains("-GuestGeneralized", warning);

        var silenced = ps.Run(Publish(gallery, "-GuestGeneralized -Verbose"), Kit.Vars(("vmId", vm.Id))).AssertClean();
        Assert.Empty(silenced.Warnings);
        Assert.Contains(silenced.Verbose, v => v.Contains("its guest is taken as generalized (-GuestGeneralized)", StringComparison.Ordinal));
        Assert.Single(silenced.OutputOf("GalleryVersionInfo"));

        var capture = ps.Run("New-CapturedImage -ResourceId $vmId -GuestGeneralized", Kit.Vars(("vmId", vm.Id))).AssertClean();
        Assert.Empty(capture.Warnings);
    }
}
