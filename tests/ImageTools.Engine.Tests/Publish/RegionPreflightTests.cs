using ImageTools.Engine.Requests;
using ImageTools.Engine.Rules;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Publish;

/// <summary>
/// Region names and the replica total are checked against what the subscription reads (the provider's
/// locations of gallery image versions; its locations when a region is not among them) before any write:
/// the gallery and the definition of a refused version are never created. The session keeps what it read.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class RegionPreflightTests(EmulatorFixture emulator)
{
    private static List<TargetRegionRequest> Regions(params (string Name, int? Count)[] regions) =>
        regions.Select(r => new TargetRegionRequest { Name = r.Name, ReplicaCount = r.Count }).ToList();

    private async Task<PreflightException> RefusedAsync(string group, PublishRequest request, ImageToolsEngine? engine = null)
    {
        var mark = await emulator.MarkAsync();
        var error = await Assert.ThrowsAsync<PreflightException>(() => (engine ?? emulator.Engine).PublishAsync(request, new RecordingHost()));
        await emulator.AssertNoWritesAsync(group, mark);
        var reads = (await emulator.RequestsAsync(group, mark)).Count;
        Assert.True(reads > 0, "the preflight read the source");
        return error;
    }

    [Fact]
    public async Task TargetRegionNotAvailable_an_unknown_region_for_a_new_gallery_is_refused_naming_it_and_the_closest_names()
    {
        var group = EmulatorFixture.NewGroup("reg-unknown");
        var vm = await PublishKit.GeneralizedVmAsync(emulator, group, "gen01");
        var engine = await emulator.EngineWithAsync(_ => { });
        var mark = await emulator.MarkAsync();

        var error = await RefusedAsync(group, PublishKit.Request(group, vm, configure: r => r.TargetRegions = Regions(("eastus", 1), ("notaregion", 1), ("westeurop", 2))), engine);

        Assert.Equal("TargetRegionNotAvailable", error.RuleId);
        Assert.Contains("region 'notaregion' is not a location of this subscription", error.Message);
        Assert.Contains("region 'westeurop' is not a location of this subscription (closest valid names: westeurope", error.Message);
        Assert.DoesNotContain("'eastus'", error.Message);
        Assert.Contains("Get-AzLocation", error.Remedy);
        // A new session reads where versions are offered and, since a region is not among them, the subscription's locations.
        Assert.Equal(1, await LocationReadsAsync(mark, "/locations"));
        Assert.Equal(1, await LocationReadsAsync(mark, "/providers/Microsoft.Compute"));

        // The session keeps both answers: the same refusal again reads neither.
        mark = await emulator.MarkAsync();
        error = await RefusedAsync(group, PublishKit.Request(group, vm, configure: r => r.TargetRegions = Regions(("westeurop", 1))), engine);
        Assert.Contains("region 'westeurop' is not a location of this subscription (closest valid names: westeurope", error.Message);
        Assert.Equal(0, await LocationReadsAsync(mark, "/locations") + await LocationReadsAsync(mark, "/providers/Microsoft.Compute"));
    }

    [Fact]
    public async Task Regions_that_are_all_offered_cost_one_read_of_the_provider_and_none_for_the_rest_of_the_session()
    {
        var group = EmulatorFixture.NewGroup("reg-offered");
        var vm = await PublishKit.GeneralizedVmAsync(emulator, group, "gen01");
        var engine = await emulator.EngineWithAsync(_ => { });
        var mark = await emulator.MarkAsync();

        await engine.PublishAsync(PublishKit.Request(group, vm, configure: r => r.TargetRegions = Regions(("eastus", 1), ("westeurope", 1))), new RecordingHost());

        Assert.Equal(1, await LocationReadsAsync(mark, "/providers/Microsoft.Compute"));
        Assert.Equal(0, await LocationReadsAsync(mark, "/locations"));
        mark = await emulator.MarkAsync();
        await engine.PublishAsync(PublishKit.Request(group, vm, configure: r => { r.DefinitionName = "web2"; r.Sku = "2022-gen2b"; r.TargetRegions = Regions(("northeurope", 1)); }), new RecordingHost());
        Assert.Equal(0, await LocationReadsAsync(mark, "/providers/Microsoft.Compute") + await LocationReadsAsync(mark, "/locations"));
    }

    private async Task<int> LocationReadsAsync(long mark, string tail) =>
        (await emulator.Control.GetRequestsAsync()).Count(r => r.Sequence > mark && r.Path.EndsWith($"/subscriptions/{emulator.SubscriptionId}{tail}", StringComparison.Ordinal));

    [Fact]
    public async Task TargetRegionNotAvailable_a_display_name_is_accepted_and_a_bad_location_is_named_as_the_location()
    {
        var group = EmulatorFixture.NewGroup("reg-display");
        var vm = await PublishKit.GeneralizedVmAsync(emulator, group, "gen01");

        var published = await PublishKit.PublishAsync(emulator, PublishKit.Request(group, vm, configure: r => r.TargetRegions = Regions(("West Europe", 1))));
        Assert.Contains(published.TargetRegions, r => r.Name.Replace(" ", "").Equals("westeurope", StringComparison.OrdinalIgnoreCase));

        var error = await RefusedAsync(group, PublishKit.Request(group, vm, configure: r => { r.GalleryName = "other"; r.Location = "eastuss"; }));
        Assert.Equal("TargetRegionNotAvailable", error.RuleId);
        Assert.Contains("-Location 'eastuss' is not a location of this subscription (closest valid names: eastus", error.Message);
    }

    [Fact]
    public async Task TargetRegionTooManyReplicas_more_than_100_replicas_over_all_regions_are_refused_before_any_write()
    {
        var group = EmulatorFixture.NewGroup("reg-replicas");
        var vm = await PublishKit.GeneralizedVmAsync(emulator, group, "gen01");

        var error = await RefusedAsync(group, PublishKit.Request(group, vm,
            configure: r => r.TargetRegions = Regions(("eastus", 50), ("westeurope", 40), ("northeurope", 11))));

        Assert.Equal("TargetRegionTooManyReplicas", error.RuleId);
        Assert.Contains("101 replicas in 3 regions", error.Message);
        Assert.Contains("-ReplicaCount", error.Remedy);

        var published = await PublishKit.PublishAsync(emulator, PublishKit.Request(group, vm,
            configure: r => r.TargetRegions = Regions(("eastus", 50), ("westeurope", 40), ("northeurope", 10))));
        Assert.Equal(100, published.TargetRegions.Sum(r => r.ReplicaCount));
    }
}
