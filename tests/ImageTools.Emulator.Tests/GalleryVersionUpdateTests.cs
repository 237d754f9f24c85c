using Azure;
using Azure.Core;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;
using Azure.ResourceManager.Resources;
using ImageTools.Emulator.Control;

namespace ImageTools.Emulator.Tests;

/// <summary>
/// A published version changed afterwards through the SDK's PATCH (GalleryImageVersionResource.Update):
/// target regions added, removed and given other replica counts (kept regions keep their replicas,
/// new ones replicate), end of life and exclude-from-latest; ARM's refusals for the version's own
/// region, past dates, unknown regions and replica counts; DELETE; and the subscription-wide VM
/// and scale set lists whose imageReference names the version a machine was built from.
/// </summary>
public sealed class GalleryVersionUpdateTests : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private readonly EmulatorFixture _f;
    public GalleryVersionUpdateTests(EmulatorFixture f) { _f = f; }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _f.Server.Control.SetReplicationAsync(new ReplicationSettings());

    private async Task<GalleryImageVersionResource> PublishedAsync(params string[] regions)
    {
        var rg = await _f.CreateResourceGroupAsync(_f.UniqueName("rg-upd-"));
        var gallery = (await rg.GetGalleries().CreateOrUpdateAsync(WaitUntil.Completed, "gal", new GalleryData(rg.Data.Location))).Value;
        var definition = (await gallery.GetGalleryImages().CreateOrUpdateAsync(WaitUntil.Completed, "def", new GalleryImageData(rg.Data.Location)
        {
            OSType = SupportedOperatingSystemType.Windows, OSState = OperatingSystemStateType.Generalized, HyperVGeneration = HyperVGeneration.V2,
            Identifier = new GalleryImageIdentifier("pub", "offer", "sku"),
        })).Value;
        var seeded = await _f.Server.Control.SeedVmAsync(new SeedVmRequest { ResourceGroup = rg.Data.Name, Name = "src", State = "generalized" });
        var data = new GalleryImageVersionData(new AzureLocation("eastus"))
        {
            PublishingProfile = new GalleryImageVersionPublishingProfile(),
            StorageProfile = new GalleryImageVersionStorageProfile { GallerySource = new GalleryArtifactVersionFullSource { Id = new ResourceIdentifier(seeded.Id) } },
        };
        foreach (var r in regions) data.PublishingProfile.TargetRegions.Add(new TargetRegion(r));
        return (await definition.GetGalleryImageVersions().CreateOrUpdateAsync(WaitUntil.Completed, "1.0.0", data)).Value;
    }

    private static GalleryImageVersionPatch Regions(params (string Name, int Count)[] regions)
    {
        var patch = new GalleryImageVersionPatch { PublishingProfile = new GalleryImageVersionPublishingProfile() };
        foreach (var (name, count) in regions) patch.PublishingProfile.TargetRegions.Add(new TargetRegion(name) { RegionalReplicaCount = count });
        return patch;
    }

    private static async Task<Dictionary<string, string>> StatesAsync(GalleryImageVersionResource version) =>
        (await version.GetAsync(ReplicationStatusType.ReplicationStatus)).Value.Data.ReplicationStatus.Summary.ToDictionary(s => s.Region, s => s.State.ToString()!);

    [Fact]
    public async Task Added_regions_replicate_while_kept_ones_stay_completed_and_removed_ones_go()
    {
        var version = await PublishedAsync("eastus", "westus");
        Assert.All((await StatesAsync(version)).Values, s => Assert.Equal("Completed", s));
        await _f.Server.Control.SetReplicationAsync(new ReplicationSettings { SecondsPerRegion = 3600 });

        var updated = (await version.UpdateAsync(WaitUntil.Completed, Regions(("eastus", 1), ("westeurope", 2)))).Value;

        Assert.Equal(GalleryProvisioningState.Succeeded, updated.Data.ProvisioningState);
        Assert.Equal(new[] { ("East US", 1), ("West Europe", 2) },
            updated.Data.PublishingProfile.TargetRegions.Select(t => (t.Name, t.RegionalReplicaCount ?? 0)).ToArray());
        var states = await StatesAsync(version);
        Assert.Equal(new Dictionary<string, string> { ["East US"] = "Completed", ["West Europe"] = "Replicating" }, states);
        var read = (await version.GetAsync(ReplicationStatusType.ReplicationStatus)).Value.Data;
        Assert.Equal(AggregatedReplicationState.InProgress, read.ReplicationStatus.AggregatedState);
        Assert.NotNull(read.PublishingProfile.PublishedOn);
    }

    [Fact]
    public async Task A_changed_replica_count_replicates_that_region_again()
    {
        var version = await PublishedAsync("eastus", "westus");
        await _f.Server.Control.SetReplicationAsync(new ReplicationSettings { SecondsPerRegion = 3600 });

        await version.UpdateAsync(WaitUntil.Completed, Regions(("eastus", 1), ("westus", 3)));

        Assert.Equal(new Dictionary<string, string> { ["East US"] = "Completed", ["West US"] = "Replicating" }, await StatesAsync(version));
    }

    [Fact]
    public async Task A_region_added_where_replication_fails_reads_Failed_with_its_details()
    {
        var version = await PublishedAsync("eastus");
        await _f.Server.Control.SetReplicationAsync(new ReplicationSettings { SecondsPerRegion = 0, FailRegions = { ["westus"] = "Quota exceeded." } });

        await version.UpdateAsync(WaitUntil.Completed, Regions(("eastus", 1), ("westus", 1)));

        var summary = (await version.GetAsync(ReplicationStatusType.ReplicationStatus)).Value.Data.ReplicationStatus.Summary;
        var west = Assert.Single(summary, s => s.Region == "West US");
        Assert.Equal((RegionalReplicationState.Failed, "Quota exceeded."), (west.State!.Value, west.Details));
        Assert.Equal(RegionalReplicationState.Completed, Assert.Single(summary, s => s.Region == "East US").State);
    }

    [Fact]
    public async Task End_of_life_and_exclude_from_latest_change_without_touching_the_regions()
    {
        var version = await PublishedAsync("eastus", "westus");
        var eol = DateTimeOffset.UtcNow.AddDays(90);

        var patch = new GalleryImageVersionPatch { PublishingProfile = new GalleryImageVersionPublishingProfile { EndOfLifeOn = eol, IsExcludedFromLatest = true } };
        var updated = (await version.UpdateAsync(WaitUntil.Completed, patch)).Value.Data.PublishingProfile;

        Assert.True(updated.IsExcludedFromLatest);
        Assert.Equal(eol.ToUnixTimeSeconds(), updated.EndOfLifeOn!.Value.ToUnixTimeSeconds());
        Assert.Equal(new[] { "East US", "West US" }, updated.TargetRegions.Select(t => t.Name).ToArray());
        Assert.All((await StatesAsync(version)).Values, s => Assert.Equal("Completed", s));
    }

    [Fact]
    public async Task Refusals_name_the_version_region_the_date_the_region_and_the_range_and_change_nothing()
    {
        var version = await PublishedAsync("eastus", "westus");

        var home = await Scenario.Fails(() => version.UpdateAsync(WaitUntil.Completed, Regions(("westus", 1))));
        Assert.Equal(("InvalidParameter", 400), (home.ErrorCode, home.Status));
        Assert.Contains("must contain the location of image version 'East US'", home.Message);

        var past = new GalleryImageVersionPatch { PublishingProfile = new GalleryImageVersionPublishingProfile { EndOfLifeOn = DateTimeOffset.UtcNow.AddDays(-1) } };
        Assert.Contains("The end of life date of the gallery image version must be in the future.", (await Scenario.Fails(() => version.UpdateAsync(WaitUntil.Completed, past))).Message);

        var unknown = await Scenario.Fails(() => version.UpdateAsync(WaitUntil.Completed, Regions(("eastus", 1), ("atlantis", 1))));
        Assert.Equal("LocationNotAvailableForResourceType", unknown.ErrorCode);

        var range = await Scenario.Fails(() => version.UpdateAsync(WaitUntil.Completed, Regions(("eastus", 101))));
        Assert.Contains("The value 101 of parameter galleryImageVersion.properties.publishingProfile.targetRegions.regionalReplicaCount is out of range.", range.Message);

        var duplicate = await Scenario.Fails(() => version.UpdateAsync(WaitUntil.Completed, Regions(("eastus", 1), ("East US", 2))));
        Assert.Contains("Duplicate regions are not allowed in target publishing regions.", duplicate.Message);

        var read = (await version.GetAsync()).Value.Data.PublishingProfile;
        Assert.Equal(new[] { "East US", "West US" }, read.TargetRegions.Select(t => t.Name).ToArray());
        Assert.Null(read.EndOfLifeOn);
    }

    [Fact]
    public async Task A_deleted_version_is_gone_from_the_list_and_a_second_delete_answers_no_content()
    {
        var version = await PublishedAsync("eastus");
        var definition = _f.Client.GetGalleryImageResource(version.Id.Parent!);

        await version.DeleteAsync(WaitUntil.Completed);

        Assert.Empty(await definition.GetGalleryImageVersions().GetAllAsync().ToListAsync());
        Assert.False((await definition.GetGalleryImageVersions().ExistsAsync("1.0.0")).Value);
        var again = await version.DeleteAsync(WaitUntil.Completed);
        Assert.Equal(204, again.GetRawResponse().Status);
    }

    [Fact]
    public async Task Machines_listed_across_the_subscription_name_the_version_they_were_built_from()
    {
        var version = await PublishedAsync("eastus");
        var rg = _f.Client.GetResourceGroupResource(ResourceGroupResource.CreateResourceIdentifier(_f.SubscriptionId, version.Id.ResourceGroupName!));
        var nic = await Scenario.CreateNicAsync(_f.Client, _f.SubscriptionId, rg.Id.Name, "vm1-nic");
        var definitionId = version.Id.Parent!;
        await rg.GetVirtualMachines().CreateOrUpdateAsync(WaitUntil.Completed, "vm1",
            Scenario.VmData(nic, new ImageReference { Id = definitionId }, "vm1"));

        var vms = await _f.Subscription.GetVirtualMachinesAsync().ToListAsync();
        var vm = Assert.Single(vms, v => v.Data.Name == "vm1" && v.Id.ResourceGroupName == rg.Id.Name);
        Assert.Equal(definitionId.ToString(), vm.Data.StorageProfile.ImageReference.Id.ToString(), ignoreCase: true);
        Assert.Equal("1.0.0", vm.Data.StorageProfile.ImageReference.ExactVersion);

        var nicConfig = new VirtualMachineScaleSetNetworkConfiguration("nic") { Primary = true };
        nicConfig.IPConfigurations.Add(new VirtualMachineScaleSetIPConfiguration("ip")
        {
            SubnetId = new ResourceIdentifier($"{rg.Id}/providers/Microsoft.Network/virtualNetworks/vnet-eastus/subnets/default"),
        });
        var scaleSet = new VirtualMachineScaleSetData(new AzureLocation("eastus"))
        {
            Sku = new ComputeSku { Name = "Standard_D2s_v5", Tier = "Standard", Capacity = 1 },
            OrchestrationMode = OrchestrationMode.Uniform,
            VirtualMachineProfile = new VirtualMachineScaleSetVmProfile
            {
                StorageProfile = new VirtualMachineScaleSetStorageProfile
                {
                    ImageReference = new ImageReference { Id = version.Id },
                    OSDisk = new VirtualMachineScaleSetOSDisk(DiskCreateOptionType.FromImage),
                },
                OSProfile = new VirtualMachineScaleSetOSProfile { ComputerNamePrefix = "web", AdminUsername = "azureadmin", AdminPassword = Scenario.Password },
                NetworkProfile = new VirtualMachineScaleSetNetworkProfile(),
            },
        };
        scaleSet.VirtualMachineProfile.NetworkProfile.NetworkInterfaceConfigurations.Add(nicConfig);
        await rg.GetVirtualMachineScaleSets().CreateOrUpdateAsync(WaitUntil.Completed, "web", scaleSet);

        var scaleSets = await _f.Subscription.GetVirtualMachineScaleSetsAsync().ToListAsync();
        var listed = Assert.Single(scaleSets, s => s.Id.ResourceGroupName == rg.Id.Name);
        Assert.Equal(version.Id.ToString(), listed.Data.VirtualMachineProfile.StorageProfile.ImageReference.Id.ToString(), ignoreCase: true);
    }
}
