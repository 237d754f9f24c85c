using Azure;
using Azure.Core;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;
using Azure.ResourceManager.Resources;
using ImageTools.Emulator.Control;

namespace ImageTools.Emulator.Tests;

/// <summary>
/// Reads that answer a question for many resources at once, as ARM answers them through the SDK: a group's
/// resources of one type (<c>$filter=resourceType eq '…'</c>), and a GET whose 404 code tells a missing group
/// (ResourceGroupNotFound) from a missing resource (ResourceNotFound); the subscription's resources with their tags.
/// </summary>
public sealed class ResourceListTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;
    public ResourceListTests(EmulatorFixture f) { _f = f; }

    [Fact]
    public async Task A_groups_resources_filtered_by_type_list_only_that_type_and_other_filters_are_refused()
    {
        var rg = await _f.CreateResourceGroupAsync(_f.UniqueName("rg-list-"));
        await Scenario.CreateNicAsync(_f.Client, _f.SubscriptionId, rg.Data.Name, "a-nic");
        await Scenario.CreateNicAsync(_f.Client, _f.SubscriptionId, rg.Data.Name, "b-nic");
        var other = await _f.CreateResourceGroupAsync(_f.UniqueName("rg-list-"));
        await Scenario.CreateNicAsync(_f.Client, _f.SubscriptionId, other.Data.Name, "c-nic");

        var nics = new List<GenericResource>();
        await foreach (var resource in rg.GetGenericResourcesAsync(filter: "resourceType eq 'microsoft.network/NetworkInterfaces'"))
            nics.Add(resource);
        Assert.Equal(new[] { "a-nic", "b-nic" }, nics.Select(n => n.Data.Name).OrderBy(n => n, StringComparer.Ordinal));
        Assert.All(nics, n => Assert.Equal("Microsoft.Network/networkInterfaces", n.Data.ResourceType.ToString()));

        var all = new List<GenericResource>();
        await foreach (var resource in rg.GetGenericResourcesAsync())
            all.Add(resource);
        Assert.Contains(all, r => r.Data.ResourceType.ToString() == "Microsoft.Network/virtualNetworks");

        var ex = await Scenario.Fails(async () =>
        {
            await foreach (var _ in rg.GetGenericResourcesAsync(filter: "name eq 'a-nic'")) { }
        });
        Assert.Equal(400, ex.Status);
        Assert.Equal("InvalidParameter", ex.ErrorCode);
    }

    [Fact]
    public async Task A_gallery_read_in_a_missing_group_is_ResourceGroupNotFound_and_in_an_existing_group_ResourceNotFound()
    {
        var missing = _f.Client.GetResourceGroupResource(ResourceGroupResource.CreateResourceIdentifier(_f.SubscriptionId, _f.UniqueName("rg-none-")));
        var ex = await Scenario.Fails(() => missing.GetGalleryAsync("gal"));
        Assert.Equal(404, ex.Status);
        Assert.Equal("ResourceGroupNotFound", ex.ErrorCode);

        var rg = await _f.CreateResourceGroupAsync(_f.UniqueName("rg-gal-"));
        ex = await Scenario.Fails(() => rg.GetGalleryAsync("gal"));
        Assert.Equal(404, ex.Status);
        Assert.Equal("ResourceNotFound", ex.ErrorCode);
    }

    [Fact]
    public async Task A_group_and_the_subscription_list_their_top_level_resources_with_tags()
    {
        var one = await _f.CreateResourceGroupAsync(_f.UniqueName("rg-list-"));
        var two = await _f.CreateResourceGroupAsync(_f.UniqueName("rg-list-"));
        var seeded = await _f.Server.Control.SeedVmAsync(new SeedVmRequest { ResourceGroup = one.Data.Name, Name = "vm1", Location = "eastus" });
        var snapshot = new SnapshotData(new AzureLocation("eastus")) { CreationData = new DiskCreationData(DiskCreateOption.Copy) { SourceResourceId = new ResourceIdentifier(seeded.OsDiskId) } };
        snapshot.Tags["imagetools-snapshot-of"] = "vm1";
        await two.GetSnapshots().CreateOrUpdateAsync(WaitUntil.Completed, "snap1", snapshot);

        var inOne = new List<GenericResource>();
        await foreach (var item in one.GetGenericResourcesAsync()) inOne.Add(item);
        var inSubscription = new List<GenericResource>();
        await foreach (var item in _f.Subscription.GetGenericResourcesAsync()) inSubscription.Add(item);
        var snapshots = new List<GenericResource>();
        await foreach (var item in _f.Subscription.GetGenericResourcesAsync(filter: "resourceType eq 'Microsoft.Compute/snapshots'")) snapshots.Add(item);

        Assert.Contains(inOne, r => r.Data.Name == "vm1" && r.Data.ResourceType == "Microsoft.Compute/virtualMachines");
        Assert.DoesNotContain(inOne, r => r.Data.Name == "snap1");
        var listed = Assert.Single(inSubscription, r => r.Id!.ResourceGroupName == two.Data.Name);
        Assert.Equal(("snap1", "Microsoft.Compute/snapshots", "vm1"), (listed.Data.Name, listed.Data.ResourceType.ToString(), listed.Data.Tags["imagetools-snapshot-of"]));
        Assert.Contains(inSubscription, r => r.Data.Name == "vm1" && r.Id!.ResourceGroupName == one.Data.Name);
        Assert.DoesNotContain(inSubscription, r => r.Id!.ToString().Contains("/extensions/", StringComparison.OrdinalIgnoreCase));
        Assert.All(snapshots, r => Assert.Equal("Microsoft.Compute/snapshots", r.Data.ResourceType.ToString()));
        Assert.Contains(snapshots, r => r.Data.Name == "snap1");
    }
}
