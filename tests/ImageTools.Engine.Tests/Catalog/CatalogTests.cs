using Azure;
using Azure.Core;
using Azure.ResourceManager.Resources;
using ImageTools.Emulator.Control;
using ImageTools.Engine.Catalog;
using ImageTools.Engine.Connection;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Tests.Infrastructure;
using ImageTools.Engine.Tests.Publish;

namespace ImageTools.Engine.Tests.Catalog;

/// <summary>The listings behind tab completion, through the real SDK against the emulator.</summary>
[Collection(EmulatorCollection.Name)]
public class CatalogTests(EmulatorFixture emulator)
{
    private async Task<ResourceCatalog> CatalogAsync() =>
        new ResourceCatalog(await Connector.OpenAsync(emulator.ConnectRequest(), null, EmulatorFixture.Options(), default));

    private async Task GroupAsync(string name, string location = "eastus")
    {
        var subscription = emulator.Client.GetSubscriptionResource(SubscriptionResource.CreateResourceIdentifier(emulator.SubscriptionId));
        await subscription.GetResourceGroups().CreateOrUpdateAsync(WaitUntil.Completed, name, new ResourceGroupData(new AzureLocation(location)));
    }

    /// <summary>A gallery "corp" with definition "web" holding versions 1.0.2 and 1.0.10, published through the engine.</summary>
    private async Task<string> GalleryWithVersionsAsync(string group)
    {
        var image = await PublishKit.ImageAsync(emulator, group, "img");
        await PublishKit.PublishAsync(emulator, PublishKit.Request(group, image, "1.0.2"));
        await PublishKit.PublishAsync(emulator, PublishKit.Request(group, image, "1.0.10"));
        return image;
    }

    [Fact]
    public async Task Resource_groups_and_locations_are_listed_sorted_by_name()
    {
        var b = EmulatorFixture.NewGroup("cat-b");
        var a = "cat-a" + b.Substring(5);
        await GroupAsync(b, "westeurope");
        await GroupAsync(a);
        var catalog = await CatalogAsync();

        var groups = await catalog.ResourceGroupsAsync(null, default);
        var ours = groups.Where(g => g.Name == a || g.Name == b).ToList();
        Assert.Equal(new[] { a, b }, ours.Select(g => g.Name));
        Assert.Equal("westeurope", ours[1].Location);
        Assert.EndsWith("/resourceGroups/" + b, ours[1].Id, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(groups.Select(g => g.Name).OrderBy(n => n, StringComparer.OrdinalIgnoreCase), groups.Select(g => g.Name));

        var locations = await catalog.LocationsAsync(null, default);
        Assert.Contains(locations, l => l.Name == "eastus" && l.Detail.Length > 0);
        Assert.Contains(locations, l => l.Name == "westeurope");
    }

    [Fact]
    public async Task Galleries_definitions_and_versions_are_listed_versions_highest_first()
    {
        var group = EmulatorFixture.NewGroup("cat-gal");
        await GalleryWithVersionsAsync(group);
        var catalog = await CatalogAsync();

        var inGroup = await catalog.GalleriesAsync(null, group, default);
        Assert.Equal("corp", Assert.Single(inGroup).Name);
        Assert.Equal(group, inGroup[0].ResourceGroupName, ignoreCase: true);
        // Without a group: every gallery of the subscription.
        Assert.Contains(await catalog.GalleriesAsync(null, null, default), g => g.Id == inGroup[0].Id);

        var definitions = await catalog.DefinitionsAsync(null, "corp", group, default);
        var web = Assert.Single(definitions);
        Assert.Equal("web", web.Name);
        Assert.Contains("Windows", web.Detail);

        var versions = await catalog.VersionsAsync(null, "CORP", "Web", group, default);
        Assert.Equal(new[] { "1.0.10", "1.0.2" }, versions.Select(v => v.Name)); // numeric, not text, order
        Assert.All(versions, v => Assert.Equal("Succeeded", v.Detail));
    }

    [Fact]
    public async Task Unknown_galleries_definitions_and_groups_list_nothing_rather_than_fail()
    {
        var group = EmulatorFixture.NewGroup("cat-none");
        var catalog = await CatalogAsync();

        Assert.Empty(await catalog.DefinitionsAsync(null, "nosuchgallery", null, default));
        Assert.Empty(await catalog.DefinitionsAsync(null, "corp", group, default)); // the group does not exist
        Assert.Empty(await catalog.VersionsAsync(null, "nosuchgallery", "web", null, default));
    }

    [Fact]
    public async Task Listing_failures_keep_ARM_s_code_through_the_gateway_error_mapping()
    {
        var catalog = await CatalogAsync();
        var fault = await emulator.Control.AddFaultAsync(new FaultRule
        {
            Kind = "status", Status = 403, Method = "GET", PathPattern = "/resourcegroups$", Count = 1,
            ErrorCode = "AuthorizationFailed", ErrorMessage = "The client does not have authorization to perform action 'Microsoft.Resources/subscriptions/resourceGroups/read'.",
        });
        try
        {
            var e = await Assert.ThrowsAsync<AzureRequestException>(() => catalog.ResourceGroupsAsync(null, default));
            Assert.Equal("AuthorizationFailed", e.RuleId);
            Assert.Equal(ImageTools.Engine.Hosting.FailureCategory.PermissionDenied, e.Category);
        }
        finally
        {
            await emulator.Control.ClearFaultsAsync();
        }
    }

    [Fact]
    public async Task Completion_filters_by_what_was_typed_and_completes_definitions_from_the_typed_gallery()
    {
        ArgumentCompletion.ClearCache();
        var group = EmulatorFixture.NewGroup("cat-compl");
        await GalleryWithVersionsAsync(group);
        var catalog = await CatalogAsync();
        var timeBox = TimeSpan.FromSeconds(30);

        var groups = ArgumentCompletion.Complete(catalog, CompletionKind.ResourceGroup, group.Substring(0, 12).ToUpperInvariant(),
            new Dictionary<string, string>(), timeBox);
        Assert.Contains(groups, g => g.CompletionText == group);
        Assert.All(groups, g => Assert.StartsWith(group.Substring(0, 12), g.ListItemText, StringComparison.OrdinalIgnoreCase));

        var bound = new Dictionary<string, string> { ["GalleryResourceGroupName"] = group, ["GalleryName"] = "corp" };
        Assert.Equal(new[] { "web" }, ArgumentCompletion.Complete(catalog, CompletionKind.Definition, "w", bound, timeBox).Select(i => i.CompletionText));
        Assert.Equal(new[] { "corp" }, ArgumentCompletion.Complete(catalog, CompletionKind.Gallery, "", bound, timeBox).Select(i => i.CompletionText));

        bound["DefinitionName"] = "web";
        Assert.Equal(new[] { "auto", "1.0.11", "1.1.0", "2.0.0" },
            ArgumentCompletion.Complete(catalog, CompletionKind.Version, "", bound, timeBox).Select(i => i.CompletionText));
        Assert.Equal(new[] { "1.0.11", "1.1.0" }, ArgumentCompletion.Complete(catalog, CompletionKind.Version, "1.", bound, timeBox).Select(i => i.CompletionText));

        // A definition needs its gallery; without -GalleryName there is nothing to offer.
        Assert.Empty(ArgumentCompletion.Complete(catalog, CompletionKind.Definition, "", new Dictionary<string, string>(), timeBox));
    }

    [Fact]
    public async Task A_slow_listing_answers_nothing_within_the_time_box_then_fills_the_cache_for_the_next_Tab()
    {
        ArgumentCompletion.ClearCache();
        var group = EmulatorFixture.NewGroup("cat-slow");
        await GroupAsync(group);
        var catalog = await CatalogAsync();
        // Two throttled answers, each asking for a second's pause: the SDK's retries make the listing slow.
        await emulator.Control.AddFaultAsync(new FaultRule { Kind = "status", Status = 429, RetryAfterSeconds = 1, Method = "GET", PathPattern = "/resourcegroups$", Count = 2 });
        try
        {
            var first = ArgumentCompletion.Complete(catalog, CompletionKind.ResourceGroup, group, new Dictionary<string, string>(), TimeSpan.FromMilliseconds(50));
            Assert.Empty(first);

            // The next Tab joins the listing still under way instead of starting another.
            var second = ArgumentCompletion.Complete(catalog, CompletionKind.ResourceGroup, group, new Dictionary<string, string>(), TimeSpan.FromSeconds(30));
            Assert.Equal(group, Assert.Single(second).CompletionText);

            var mark = await emulator.MarkAsync();
            var third = ArgumentCompletion.Complete(catalog, CompletionKind.ResourceGroup, group, new Dictionary<string, string>(), TimeSpan.FromSeconds(30));
            Assert.Equal(group, Assert.Single(third).CompletionText);
            var listings = (await emulator.Control.GetRequestsAsync()).Where(r => r.Sequence > mark && r.Path.EndsWith("/resourcegroups", StringComparison.OrdinalIgnoreCase));
            Assert.Empty(listings); // answered from the cache
            var all = (await emulator.Control.GetRequestsAsync()).Count(r => r.Path.EndsWith("/resourcegroups", StringComparison.OrdinalIgnoreCase) && r.Status == 200);
            Assert.True(all >= 1);
        }
        finally
        {
            await emulator.Control.ClearFaultsAsync();
            ArgumentCompletion.ClearCache();
        }
    }

    [Fact]
    public void Without_a_connection_completion_offers_nothing_and_does_not_throw() =>
        Assert.Empty(ArgumentCompletion.Complete(null, CompletionKind.Location, "east", new Dictionary<string, string>(), TimeSpan.FromSeconds(1)));

    [Fact]
    public async Task A_failing_listing_offers_nothing_and_does_not_throw()
    {
        ArgumentCompletion.ClearCache();
        var catalog = await CatalogAsync();
        await emulator.Control.AddFaultAsync(new FaultRule { Kind = "status", Status = 403, Method = "GET", PathPattern = "/locations$", Count = 1 });
        try
        {
            Assert.Empty(ArgumentCompletion.Complete(catalog, CompletionKind.Location, "", new Dictionary<string, string>(), TimeSpan.FromSeconds(30)));
            // A failure is not cached: the next Tab asks again and gets the list.
            Assert.Contains(ArgumentCompletion.Complete(catalog, CompletionKind.Location, "east", new Dictionary<string, string>(), TimeSpan.FromSeconds(30)),
                i => i.CompletionText == "eastus");
        }
        finally
        {
            await emulator.Control.ClearFaultsAsync();
            ArgumentCompletion.ClearCache();
        }
    }
}
