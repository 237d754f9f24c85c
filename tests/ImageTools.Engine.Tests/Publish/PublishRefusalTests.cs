using ImageTools.Engine.Requests;
using ImageTools.Engine.Rules;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Publish;

/// <summary>
/// One test per refusal of RULES.md's Publish-GalleryVersion table: each is refused by its
/// rule id before any write (the emulator's log shows no PUT, PATCH, POST or DELETE after the
/// sources were made).
/// </summary>
[Collection(EmulatorCollection.Name)]
public class PublishRefusalTests(EmulatorFixture emulator)
{
    private async Task<PreflightException> RefusedAsync(string group, PublishRequest request)
    {
        var before = await PublishKit.WriteCountAsync(emulator, group);
        var error = await Assert.ThrowsAsync<PreflightException>(() => emulator.Engine.PublishAsync(request, new RecordingHost()));
        var writes = (await emulator.WritesAsync(group)).Skip(before).ToList();
        Assert.True(writes.Count == 0, "Expected no writes, saw: " + string.Join(", ", writes.Select(w => $"{w.Method} {w.Path}")));
        return error;
    }

    private async Task<(string Group, string ImageId)> ImageAsync(string purpose)
    {
        var group = EmulatorFixture.NewGroup(purpose);
        return (group, await PublishKit.ImageAsync(emulator, group, "img"));
    }

    [Fact]
    public async Task PublishOsStateRequired_a_disk_of_unknown_os_state_for_a_new_definition_is_refused_not_defaulted_to_generalized()
    {
        var group = EmulatorFixture.NewGroup("ref-osstate");
        var disk = await emulator.BareDiskAsync(group, "osdisk", osType: "Linux", generation: "V2");
        var error = await RefusedAsync(group, PublishKit.Request(group, disk, configure: r => r.DefinitionName = "lin"));
        Assert.Equal("PublishOsStateRequired", error.RuleId);
        Assert.Contains("OS state of disk 'osdisk' is not known", error.Message);
        Assert.Contains("-OsState Generalized", error.Remedy);
    }

    [Fact]
    public async Task GalleryResourceGroupNotFound_a_gallery_to_create_in_a_missing_group_is_refused_before_any_write()
    {
        var (group, imageId) = await ImageAsync("ref-galrg");
        var error = await RefusedAsync(group, PublishKit.Request(group, imageId, configure: r => r.GalleryResourceGroupName = group + "-missing"));
        Assert.Equal("GalleryResourceGroupNotFound", error.RuleId);
        Assert.Contains($"Resource group '{group}-missing' does not exist, so gallery 'corp' cannot be created in it.", error.Message);
        Assert.Contains("-GalleryResourceGroupName", error.Remedy);
    }

    [Fact]
    public async Task A_missing_definition_without_identifiers_is_refused_naming_what_is_missing()
    {
        var (group, imageId) = await ImageAsync("ref-ids");
        var error = await RefusedAsync(group, PublishKit.Request(group, imageId, configure: r => { r.Publisher = null; r.Sku = " "; }));
        Assert.Equal("GalleryDefinitionNotFound", error.RuleId);
        Assert.Contains("Gallery 'corp' and its image definition 'web' do not exist", error.Message);
        Assert.Contains("-Publisher, -Sku", error.Message);
        Assert.DoesNotContain("-Offer", error.Message);
    }

    [Fact]
    public async Task Identifiers_longer_than_Azure_allows_are_refused()
    {
        var (group, imageId) = await ImageAsync("ref-idlen");
        var error = await RefusedAsync(group, PublishKit.Request(group, imageId, configure: r => { r.Publisher = new string('p', 129); r.Offer = new string('o', 65); }));
        Assert.Equal("GalleryDefinitionIdentifierTooLong", error.RuleId);
        Assert.Contains("-Publisher has 129 characters (at most 128)", error.Message);
        Assert.Contains("-Offer has 65 characters (at most 64)", error.Message);
    }

    [Fact]
    public async Task Invalid_gallery_and_definition_names_are_refused()
    {
        var (group, imageId) = await ImageAsync("ref-names");
        var error = await RefusedAsync(group, PublishKit.Request(group, imageId, configure: r => { r.GalleryName = "corp-gallery"; r.DefinitionName = "web-"; }));
        Assert.Equal("GalleryNameInvalid", error.RuleId);
        Assert.Contains(error.Refusals, f => f.RuleId == "GalleryDefinitionNameInvalid");
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("1.0.2147483648")]
    [InlineData("1.-1.0")]
    public async Task A_version_that_is_not_Major_Minor_Patch_int32_is_refused(string version)
    {
        var (group, imageId) = await ImageAsync("ref-ver");
        var error = await RefusedAsync(group, PublishKit.Request(group, imageId, version));
        Assert.Equal("GalleryVersionNameInvalid", error.RuleId);
        Assert.Contains("2,147,483,647", error.Message);
    }

    [Fact]
    public async Task Duplicate_target_regions_are_refused_also_when_written_differently()
    {
        var (group, imageId) = await ImageAsync("ref-dup");
        var error = await RefusedAsync(group, PublishKit.Request(group, imageId, configure: r => r.TargetRegions = PublishKit.Regions("westeurope=2", "West Europe")));
        Assert.Equal("TargetRegionDuplicate", error.RuleId);
        Assert.Contains("'westeurope'", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task Replica_counts_outside_1_to_100_are_refused(int replicas)
    {
        var (group, imageId) = await ImageAsync("ref-replicas");
        var error = await RefusedAsync(group, PublishKit.Request(group, imageId, configure: r => r.TargetRegions = PublishKit.Regions($"westeurope={replicas}")));
        Assert.Equal("TargetRegionReplicaCountOutOfRange", error.RuleId);
        Assert.Contains($"westeurope={replicas}", error.Message);
    }

    [Fact]
    public async Task An_unsupported_storage_account_type_is_refused()
    {
        var (group, imageId) = await ImageAsync("ref-storage");
        var error = await RefusedAsync(group, PublishKit.Request(group, imageId, configure: r => r.TargetRegions = PublishKit.Regions("westeurope=1=Premium_ZRS")));
        Assert.Equal("TargetRegionStorageAccountTypeInvalid", error.RuleId);
        Assert.Contains("Premium_ZRS", error.Message);
    }

    [Fact]
    public async Task An_end_of_life_date_in_the_past_is_refused()
    {
        var (group, imageId) = await ImageAsync("ref-eol");
        var error = await RefusedAsync(group, PublishKit.Request(group, imageId, configure: r => r.EndOfLifeDate = DateTimeOffset.UtcNow.AddDays(-1)));
        Assert.Equal("GalleryVersionEndOfLifeInPast", error.RuleId);
    }

    [Fact]
    public async Task A_missing_source_is_refused()
    {
        var group = EmulatorFixture.NewGroup("ref-nosource");
        await emulator.SeedVmAsync(group, "other", state: "generalized");
        var missing = $"/subscriptions/{emulator.SubscriptionId}/resourceGroups/{group}/providers/Microsoft.Compute/images/nope";
        var error = await RefusedAsync(group, PublishKit.Request(group, missing));
        Assert.Equal("PublishSourceNotFound", error.RuleId);
        Assert.Contains("nope", error.Message);
    }

    [Fact]
    public async Task A_stated_Hyper_V_generation_that_differs_from_the_source_is_refused_before_the_definition_is_created()
    {
        var (group, imageId) = await ImageAsync("ref-gen");
        var error = await RefusedAsync(group, PublishKit.Request(group, imageId, configure: r => r.HyperVGeneration = "Gen1"));
        Assert.Equal("GalleryDefinitionHyperVGenerationMismatch", error.RuleId);
        Assert.Contains("-HyperVGeneration V1", error.Message);
        Assert.Contains("Hyper-V generation is V2", error.Message);
    }

    [Fact]
    public async Task A_gallery_location_other_than_the_source_region_is_refused()
    {
        var (group, imageId) = await ImageAsync("ref-location");
        var error = await RefusedAsync(group, PublishKit.Request(group, imageId, configure: r => r.Location = "westeurope"));
        Assert.Equal("GallerySourceLocationMismatch", error.RuleId);
        Assert.Contains("'eastus'", error.Message);
    }
}
