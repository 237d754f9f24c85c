using System.Management.Automation;
using ImageTools.PowerShell.Tests.Infrastructure;

namespace ImageTools.PowerShell.Tests;

/// <summary>
/// -TargetRegion as users write it, read by the cmdlet: "name=replicas" strings (also several in
/// one string, with a storage type), Az-style hashtables with case-insensitive keys and
/// RegionalReplicaCount, and PSCustomObjects; anything else is refused with TargetRegionInvalid
/// before any request.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class TargetRegionTests(EmulatorFixture emulator)
{
    private static string Publish(string gallery, string regions) =>
        $"Publish-GalleryVersion -ResourceId $vmId -GalleryName {gallery} -DefinitionName web -Publisher contoso -Offer web -Sku v1 -Version 1.0.0 -TargetRegion {regions}";

    [Fact]
    public async Task Strings_hashtables_and_objects_all_reach_the_plan()
    {
        var group = EmulatorFixture.NewGroup("tr-ok");
        var vm = await emulator.SeedVmAsync(group, "gen01", state: "generalized");
        using var ps = emulator.Session(new TestHost());
        var mark = await emulator.MarkAsync();

        var run = ps.Run(Publish(Kit.Gallery(group),
            "'eastus=2', ' westeurope=3=Standard_ZRS ; northeurope', @{name='uksouth'; RegionalReplicaCount='4'; ExcludeFromLatest=$true}, " +
            "([pscustomobject]@{Name='westus2'; ReplicaCount=1})") + " -WhatIf", Kit.Vars(("vmId", vm.Id))).AssertClean();

        var version = Assert.Single(run.WhatIfLines, l => l.Contains("Create image version '1.0.0'"));
        foreach (var expected in new[] { "eastus=2", "westeurope=3 Standard_ZRS", "northeurope=", "uksouth=4", "westus2=1" })
            Assert.Contains(expected, version, StringComparison.OrdinalIgnoreCase);
        await emulator.AssertNoWritesAsync(mark);
    }

    [Theory]
    [InlineData("'eastus=two'")]
    [InlineData("'eastus=-1'")]
    [InlineData("'=2'")]
    [InlineData("'eastus=2=Standard_LRS=x'")]
    [InlineData("'eastus=2='")]
    [InlineData("@{ReplicaCount=2}")]
    [InlineData("@{Name='eastus'; Replicas=2}")]
    [InlineData("@{Name='eastus'; ReplicaCount='many'}")]
    [InlineData("@{Name='eastus'; ExcludeFromLatest='perhaps'}")]
    [InlineData("42")]
    public async Task Malformed_regions_are_refused_with_TargetRegionInvalid_and_nothing_is_written(string regions)
    {
        var group = EmulatorFixture.NewGroup("tr-bad");
        var vm = await emulator.SeedVmAsync(group, "gen01", state: "generalized");
        using var ps = emulator.Session(new TestHost());
        var mark = await emulator.MarkAsync();

        var run = ps.Run(Publish(Kit.Gallery(group), regions) + "; 'after'", Kit.Vars(("vmId", vm.Id)));

        var error = Assert.Single(run.Errors);
        Assert.Equal("TargetRegionInvalid,ImageTools.Commands.PublishGalleryVersionCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("-TargetRegion", error.ErrorDetails.RecommendedAction);
        Assert.Equal("after", Assert.Single(run.Output).BaseObject);
        await emulator.AssertNoWritesAsync(mark);
    }
}
