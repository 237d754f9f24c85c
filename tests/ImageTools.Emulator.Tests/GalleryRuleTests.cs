using Azure;
using Azure.Core;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;
using Azure.ResourceManager.Resources;
using ImageTools.Emulator.Control;

namespace ImageTools.Emulator.Tests;

/// <summary>Compute Gallery rules (galleries, definitions, versions, replication) through the SDK.</summary>
public sealed class GalleryRuleTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;
    public GalleryRuleTests(EmulatorFixture f) { _f = f; }

    private sealed record Setup(ResourceGroupResource Rg, GalleryResource Gallery, GalleryImageResource Definition, ResourceIdentifier Source);

    private async Task<Setup> Prepare(string osState = "Generalized", HyperVGeneration? gen = null, string sourceState = "generalized", string? securityFeature = null, string sourceSecurity = "Standard")
    {
        var rg = await _f.CreateResourceGroupAsync(_f.UniqueName("rg-gal-"));
        var gallery = (await rg.GetGalleries().CreateOrUpdateAsync(WaitUntil.Completed, "gal", new GalleryData(rg.Data.Location))).Value;
        var data = new GalleryImageData(rg.Data.Location)
        {
            OSType = SupportedOperatingSystemType.Windows,
            OSState = osState == "Generalized" ? OperatingSystemStateType.Generalized : OperatingSystemStateType.Specialized,
            HyperVGeneration = gen ?? HyperVGeneration.V2,
            Identifier = new GalleryImageIdentifier("pub", "offer", "sku"),
        };
        if (securityFeature is not null) data.Features.Add(new GalleryImageFeature { Name = "SecurityType", Value = securityFeature });
        var definition = (await gallery.GetGalleryImages().CreateOrUpdateAsync(WaitUntil.Completed, "def", data)).Value;
        var seeded = await _f.Server.Control.SeedVmAsync(new SeedVmRequest { ResourceGroup = rg.Data.Name, Name = "src", State = sourceState, SecurityType = sourceSecurity });
        return new Setup(rg, gallery, definition, new ResourceIdentifier(seeded.Id));
    }

    private static GalleryImageVersionData Version(ResourceIdentifier source, params string[] regions)
    {
        var data = new GalleryImageVersionData(new AzureLocation("eastus"))
        {
            PublishingProfile = new GalleryImageVersionPublishingProfile(),
            StorageProfile = new GalleryImageVersionStorageProfile { GallerySource = new GalleryArtifactVersionFullSource { Id = source } },
        };
        foreach (var r in regions) data.PublishingProfile.TargetRegions.Add(new TargetRegion(r));
        return data;
    }

    [Fact]
    public async Task Gallery_name_with_dash_is_refused()
    {
        var rg = await _f.CreateResourceGroupAsync(_f.UniqueName("rg-gal-"));
        var ex = await Scenario.Fails(() => rg.GetGalleries().CreateOrUpdateAsync(WaitUntil.Completed, "my-gallery", new GalleryData(rg.Data.Location)));
        Assert.Equal("InvalidParameter", ex.ErrorCode);
        Assert.Contains("Gallery name is invalid.", ex.Message);
    }

    [Fact]
    public async Task Definition_under_a_missing_gallery_is_ParentResourceNotFound()
    {
        var rg = await _f.CreateResourceGroupAsync(_f.UniqueName("rg-gal-"));
        var gallery = _f.Client.GetGalleryResource(GalleryResource.CreateResourceIdentifier(_f.SubscriptionId, rg.Data.Name, "ghost"));
        var ex = await Scenario.Fails(() => gallery.GetGalleryImages().CreateOrUpdateAsync(WaitUntil.Completed, "def", new GalleryImageData(rg.Data.Location)
        {
            OSType = SupportedOperatingSystemType.Linux, OSState = OperatingSystemStateType.Generalized, Identifier = new GalleryImageIdentifier("p", "o", "s"),
        }));
        Assert.Equal(404, ex.Status);
        Assert.Equal("ParentResourceNotFound", ex.ErrorCode);
        Assert.Contains("Parent resource 'ghost' not found.", ex.Message);
    }

    [Fact]
    public async Task Definition_identifier_limits_duplicates_and_immutable_properties()
    {
        var s = await Prepare();
        var images = s.Gallery.GetGalleryImages();
        var tooLong = new GalleryImageData(s.Rg.Data.Location) { OSType = SupportedOperatingSystemType.Windows, OSState = OperatingSystemStateType.Generalized, Identifier = new GalleryImageIdentifier("p", new string('o', 65), "s") };
        Assert.Equal("InvalidParameter", (await Scenario.Fails(() => images.CreateOrUpdateAsync(WaitUntil.Completed, "long", tooLong))).ErrorCode);

        var duplicate = new GalleryImageData(s.Rg.Data.Location) { OSType = SupportedOperatingSystemType.Windows, OSState = OperatingSystemStateType.Generalized, Identifier = new GalleryImageIdentifier("pub", "offer", "sku") };
        var ex = await Scenario.Fails(() => images.CreateOrUpdateAsync(WaitUntil.Completed, "dup", duplicate));
        Assert.Contains("identified by (publisher:pub, offer:offer, sku:sku) already exists", ex.Message);

        var changed = s.Definition.Data;
        changed.OSState = OperatingSystemStateType.Specialized;
        ex = await Scenario.Fails(() => images.CreateOrUpdateAsync(WaitUntil.Completed, "def", changed));
        Assert.Equal("PropertyChangeNotAllowed", ex.ErrorCode);
        Assert.Contains("Changing property 'galleryImage.properties.osState' is not allowed.", ex.Message);
    }

    [Fact]
    public async Task Delete_with_children_is_409_and_succeeds_once_empty()
    {
        var s = await Prepare();
        var ex = await Scenario.Fails(() => s.Gallery.DeleteAsync(WaitUntil.Completed));
        Assert.Equal(409, ex.Status);
        Assert.Equal("CannotDeleteResource", ex.ErrorCode);
        Assert.Contains("Can not delete resource before nested resources are deleted.", ex.Message);
        await s.Definition.DeleteAsync(WaitUntil.Completed);
        await s.Gallery.DeleteAsync(WaitUntil.Completed);
        Assert.False((await s.Rg.GetGalleries().ExistsAsync("gal")).Value);
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("1.0.0.0")]
    [InlineData("a.b.c")]
    [InlineData("1.0.2147483648")]
    public async Task Bad_version_names_are_refused(string name)
    {
        var s = await Prepare();
        var ex = await Scenario.Fails(() => s.Definition.GetGalleryImageVersions().CreateOrUpdateAsync(WaitUntil.Completed, name, Version(s.Source, "eastus")));
        Assert.Equal("InvalidParameter", ex.ErrorCode);
        Assert.Contains("The image version name is invalid. The image version name should follow Major(int).Minor(int).Patch(int) format", ex.Message);
    }

    [Fact]
    public async Task Os_state_mismatch_is_400_BadRequest()
    {
        var s = await Prepare(sourceState: "running");
        var ex = await Scenario.Fails(() => s.Definition.GetGalleryImageVersions().CreateOrUpdateAsync(WaitUntil.Completed, "1.0.0", Version(s.Source, "eastus")));
        Assert.Equal(400, ex.Status);
        Assert.Equal("BadRequest", ex.ErrorCode);
        Assert.Contains("has a different OS state ['Specialized'] than the parent gallery image OS state ['Generalized'].", ex.Message);
    }

    [Fact]
    public async Task Hyperv_generation_mismatch_is_accepted_then_the_lro_fails_with_conflict()
    {
        var s = await Prepare(gen: HyperVGeneration.V1);
        var operation = await s.Definition.GetGalleryImageVersions().CreateOrUpdateAsync(WaitUntil.Started, "1.0.0", Version(s.Source, "eastus"));
        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => operation.WaitForCompletionAsync().AsTask());
        Assert.Equal("Conflict", ex.ErrorCode);
        Assert.Contains("has a different Hypervisor generation ['V2'] than the parent gallery image Hypervisor generation ['V1'].", ex.Message);
        var version = (await s.Definition.GetGalleryImageVersionAsync("1.0.0")).Value;
        Assert.Equal(GalleryProvisioningState.Failed, version.Data.ProvisioningState);
    }

    [Fact]
    public async Task Target_region_rules()
    {
        var s = await Prepare();
        var versions = s.Definition.GetGalleryImageVersions();
        var ex = await Scenario.Fails(() => versions.CreateOrUpdateAsync(WaitUntil.Completed, "1.0.0", Version(s.Source, "eastus", "West Europe", "westeurope")));
        Assert.Contains("Duplicate regions are not allowed in target publishing regions.", ex.Message);

        ex = await Scenario.Fails(() => versions.CreateOrUpdateAsync(WaitUntil.Completed, "1.0.0", Version(s.Source, "westeurope")));
        Assert.Equal("InvalidParameter", ex.ErrorCode);
        Assert.Contains("must contain the location of image version", ex.Message);

        var data = Version(s.Source, "eastus");
        data.PublishingProfile.TargetRegions[0].RegionalReplicaCount = 101;
        ex = await Scenario.Fails(() => versions.CreateOrUpdateAsync(WaitUntil.Completed, "1.0.0", data));
        Assert.Contains("The value 101 of parameter", ex.Message);
        Assert.Contains("is out of range. The value must be between 1 and 100, inclusive.", ex.Message);

        data = Version(s.Source, "eastus");
        data.PublishingProfile.TargetRegions[0].StorageAccountType = new ImageStorageAccountType("Premium_ZRS");
        Assert.Equal("InvalidParameter", (await Scenario.Fails(() => versions.CreateOrUpdateAsync(WaitUntil.Completed, "1.0.0", data))).ErrorCode);

        data = Version(s.Source, "eastus");
        data.PublishingProfile.EndOfLifeOn = DateTimeOffset.UtcNow.AddDays(-1);
        Assert.Equal("InvalidParameter", (await Scenario.Fails(() => versions.CreateOrUpdateAsync(WaitUntil.Completed, "1.0.0", data))).ErrorCode);
    }

    [Fact]
    public async Task Failing_region_reports_failed_replication_with_details()
    {
        var s = await Prepare();
        await _f.Server.Control.SetReplicationAsync(new ReplicationSettings { FailRegions = { ["westeurope"] = "Replication failed: storage quota exhausted in West Europe." } });
        try
        {
            var version = (await s.Definition.GetGalleryImageVersions().CreateOrUpdateAsync(WaitUntil.Completed, "1.0.0", Version(s.Source, "eastus", "westeurope"))).Value;
            var read = (await version.GetAsync(ReplicationStatusType.ReplicationStatus)).Value.Data.ReplicationStatus;
            Assert.Equal(AggregatedReplicationState.Failed, read.AggregatedState);
            var we = read.Summary.Single(x => x.Region == "West Europe");
            Assert.Equal(RegionalReplicationState.Failed, we.State);
            Assert.Contains("storage quota exhausted", we.Details);
            Assert.Equal(RegionalReplicationState.Completed, read.Summary.Single(x => x.Region == "East US").State);
        }
        finally { await _f.Server.Control.SetReplicationAsync(new ReplicationSettings()); }
    }

    [Fact]
    public async Task Trusted_launch_definition_from_vm_and_vm_from_it_needs_security_profile()
    {
        var s = await Prepare(osState: "Specialized", sourceState: "running", securityFeature: "TrustedLaunch", sourceSecurity: "TrustedLaunch");
        var version = (await s.Definition.GetGalleryImageVersions().CreateOrUpdateAsync(WaitUntil.Completed, "1.0.0", Version(s.Source, "eastus"))).Value;
        Assert.Equal(GalleryProvisioningState.Succeeded, version.Data.ProvisioningState);

        var nic = await Scenario.CreateNicAsync(_f.Client, _f.SubscriptionId, s.Rg.Data.Name, "tl-nic");
        var data = Scenario.VmData(nic, new ImageReference { Id = s.Definition.Id }, null, osProfile: false);
        var ex = await Scenario.Fails(() => s.Rg.GetVirtualMachines().CreateOrUpdateAsync(WaitUntil.Completed, "tlcopy", data));
        Assert.Equal(400, ex.Status);
        Assert.Contains("TrustedLaunch", ex.Message);

        data.OSProfile = new VirtualMachineOSProfile { ComputerName = "tlcopy", AdminUsername = "azureadmin", AdminPassword = Scenario.Password };
        data.SecurityProfile = new SecurityProfile { SecurityType = SecurityType.TrustedLaunch, UefiSettings = new UefiSettings { IsSecureBootEnabled = true, IsVirtualTpmEnabled = true } };
        ex = await Scenario.Fails(() => s.Rg.GetVirtualMachines().CreateOrUpdateAsync(WaitUntil.Completed, "tlcopy", data));
        Assert.Equal("InvalidParameter", ex.ErrorCode);
        Assert.Contains("Parameter 'osProfile' is not allowed.", ex.Message);

        data.OSProfile = null;
        var vm = (await s.Rg.GetVirtualMachines().CreateOrUpdateAsync(WaitUntil.Completed, "tlcopy", data)).Value;
        Assert.Equal(SecurityType.TrustedLaunch, vm.Data.SecurityProfile.SecurityType);
        Assert.Equal("1.0.0", vm.Data.StorageProfile.ImageReference.ExactVersion);
    }

    [Fact]
    public async Task Gen1_definition_refuses_trusted_launch_feature()
    {
        var rg = await _f.CreateResourceGroupAsync(_f.UniqueName("rg-gal-"));
        var gallery = (await rg.GetGalleries().CreateOrUpdateAsync(WaitUntil.Completed, "g1", new GalleryData(rg.Data.Location))).Value;
        var data = new GalleryImageData(rg.Data.Location)
        {
            OSType = SupportedOperatingSystemType.Windows, OSState = OperatingSystemStateType.Generalized, HyperVGeneration = HyperVGeneration.V1,
            Identifier = new GalleryImageIdentifier("p", "o", "s"),
        };
        data.Features.Add(new GalleryImageFeature { Name = "SecurityType", Value = "TrustedLaunch" });
        var ex = await Scenario.Fails(() => gallery.GetGalleryImages().CreateOrUpdateAsync(WaitUntil.Completed, "d1", data));
        Assert.Equal(400, ex.Status);
    }

    [Fact]
    public async Task Latest_skips_versions_excluded_from_latest()
    {
        var s = await Prepare();
        var versions = s.Definition.GetGalleryImageVersions();
        await versions.CreateOrUpdateAsync(WaitUntil.Completed, "1.0.0", Version(s.Source, "eastus"));
        var excluded = Version(s.Source, "eastus");
        excluded.PublishingProfile.IsExcludedFromLatest = true;
        await versions.CreateOrUpdateAsync(WaitUntil.Completed, "2.0.0", excluded);
        var nic = await Scenario.CreateNicAsync(_f.Client, _f.SubscriptionId, s.Rg.Data.Name, "latest-nic");
        var vm = (await s.Rg.GetVirtualMachines().CreateOrUpdateAsync(WaitUntil.Completed, "latest",
            Scenario.VmData(nic, new ImageReference { Id = s.Definition.Id }, "latest"))).Value;
        Assert.Equal("1.0.0", vm.Data.StorageProfile.ImageReference.ExactVersion);
        var listed = new List<GalleryImageVersionResource>();
        await foreach (var v in versions.GetAllAsync()) listed.Add(v);
        Assert.Equal(new[] { "1.0.0", "2.0.0" }, listed.Select(v => v.Data.Name).OrderBy(x => x));
    }
}
