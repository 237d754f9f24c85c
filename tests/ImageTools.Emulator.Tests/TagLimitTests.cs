using Azure;
using Azure.Core;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;
using Azure.ResourceManager.Resources;
using ImageTools.Emulator.Control;

namespace ImageTools.Emulator.Tests;

/// <summary>
/// ARM's tag limits on every write that carries tags, through the SDK: at most 50 tags, names up to
/// 512 characters without reserved characters, values up to 256. A refused write changes nothing.
/// </summary>
public sealed class TagLimitTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;
    public TagLimitTests(EmulatorFixture f) { _f = f; }

    private static readonly AzureLocation East = new("eastus");

    private const string TooMany = "Too many tags specified. Requested tag count - '51'. Maximum number of tags allowed - '50'.";
    private static readonly string LongName = new('n', 513);
    private static readonly string LongValue = new('v', 257);

    private static Dictionary<string, string> Many(int count) => Enumerable.Range(1, count).ToDictionary(i => "tag" + i, i => "value" + i);

    private static void Fill(IDictionary<string, string> target, IDictionary<string, string> tags)
    {
        foreach (var (k, v) in tags) target[k] = v;
    }

    private static void Refused(RequestFailedException ex, string code, string message)
    {
        Assert.Equal(400, ex.Status);
        Assert.Equal(code, ex.ErrorCode);
        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public async Task A_resource_group_takes_fifty_tags_at_the_length_limits_and_refuses_a_fifty_first()
    {
        var name = _f.UniqueName("rg-tags-");
        var data = new ResourceGroupData(East);
        var tags = Many(48);
        tags[new string('k', 512)] = "x";
        tags["long"] = new string('v', 256);
        Fill(data.Tags, tags);
        var rg = (await _f.Subscription.GetResourceGroups().CreateOrUpdateAsync(WaitUntil.Completed, name, data)).Value;
        Assert.Equal(50, rg.Data.Tags.Count);

        var more = new ResourceGroupData(East);
        Fill(more.Tags, Many(51));
        var ex = await Scenario.Fails(() => _f.Subscription.GetResourceGroups().CreateOrUpdateAsync(WaitUntil.Completed, name, more));
        Refused(ex, "InvalidTags", TooMany);
        Assert.Equal(50, (await _f.Subscription.GetResourceGroupAsync(name)).Value.Data.Tags.Count);
    }

    [Fact]
    public async Task A_virtual_machine_put_and_patch_refuse_tags_over_the_limits()
    {
        var rg = await _f.CreateResourceGroupAsync(_f.UniqueName("rg-tags-"));
        var vm = await Scenario.CreateMarketplaceVmAsync(_f, rg, "tagvm");

        var data = vm.Data;
        data.Tags[LongName] = "x";
        var put = await Scenario.Fails(() => rg.GetVirtualMachines().CreateOrUpdateAsync(WaitUntil.Completed, "tagvm", data));
        Refused(put, "InvalidTagName", $"Tag key too large. Following tag name '{LongName}' exceeded the maximum length. Maximum allowed length for tag name - '512' characters.");

        var patch = new VirtualMachinePatch();
        patch.Tags["owner"] = LongValue;
        var ex = await Scenario.Fails(() => vm.UpdateAsync(WaitUntil.Completed, patch));
        Refused(ex, "InvalidTagValueLength", $"Tag value too large. Following tag value '{LongValue}' exceeded the maximum length. Maximum allowed length for tag value - '256' characters.");
        Assert.Empty((await vm.GetAsync()).Value.Data.Tags);
    }

    [Fact]
    public async Task Disks_snapshots_and_images_refuse_tags_over_the_limits_and_are_not_created()
    {
        var rg = await _f.CreateResourceGroupAsync(_f.UniqueName("rg-tags-"));
        var disk = new ManagedDiskData(East) { CreationData = new DiskCreationData(DiskCreateOption.Empty), DiskSizeGB = 8 };
        Fill(disk.Tags, Many(51));
        Refused(await Scenario.Fails(() => rg.GetManagedDisks().CreateOrUpdateAsync(WaitUntil.Completed, "d1", disk)), "InvalidTags", TooMany);
        Assert.False((await rg.GetManagedDisks().ExistsAsync("d1")).Value);

        var goodDisk = (await rg.GetManagedDisks().CreateOrUpdateAsync(WaitUntil.Completed, "d2",
            new ManagedDiskData(East) { CreationData = new DiskCreationData(DiskCreateOption.Empty), DiskSizeGB = 8, OSType = SupportedOperatingSystemType.Linux })).Value;
        var snapshot = new SnapshotData(East) { CreationData = new DiskCreationData(DiskCreateOption.Copy) { SourceResourceId = goodDisk.Id } };
        snapshot.Tags["a/b"] = "slash";
        Refused(await Scenario.Fails(() => rg.GetSnapshots().CreateOrUpdateAsync(WaitUntil.Completed, "s1", snapshot)),
            "InvalidTagNameCharacters", "The tag names 'a/b' have reserved characters '<,>,%,&,\\,?,/' or control characters.");
        Assert.False((await rg.GetSnapshots().ExistsAsync("s1")).Value);

        var patch = new ManagedDiskPatch();
        patch.Tags["   "] = "blank";
        Refused(await Scenario.Fails(() => goodDisk.UpdateAsync(WaitUntil.Completed, patch)),
            "InvalidTagName", "The tag name must be non-null, non-empty and non-whitespace only. Please provide an actual value.");

        var seeded = await _f.Server.Control.SeedVmAsync(new SeedVmRequest { ResourceGroup = rg.Data.Name, Name = "imgsrc", State = "generalized" });
        var image = new DiskImageData(East) { SourceVirtualMachineId = new ResourceIdentifier(seeded.Id) };
        image.Tags["purpose"] = LongValue;
        Refused(await Scenario.Fails(() => rg.GetDiskImages().CreateOrUpdateAsync(WaitUntil.Completed, "img", image)), "InvalidTagValueLength", "Tag value too large.");
        Assert.False((await rg.GetDiskImages().ExistsAsync("img")).Value);
    }

    [Fact]
    public async Task Galleries_definitions_and_versions_refuse_tags_over_the_limits()
    {
        var rg = await _f.CreateResourceGroupAsync(_f.UniqueName("rg-tags-"));
        var bad = new GalleryData(East);
        Fill(bad.Tags, Many(51));
        Refused(await Scenario.Fails(() => rg.GetGalleries().CreateOrUpdateAsync(WaitUntil.Completed, "gal", bad)), "InvalidTags", TooMany);

        var gallery = (await rg.GetGalleries().CreateOrUpdateAsync(WaitUntil.Completed, "gal", new GalleryData(East))).Value;
        var galleryPatch = new GalleryPatch();
        galleryPatch.Tags[LongName] = "x";
        Refused(await Scenario.Fails(() => gallery.UpdateAsync(WaitUntil.Completed, galleryPatch)), "InvalidTagName", "Tag key too large.");

        GalleryImageData Definition() => new(East)
        {
            OSType = SupportedOperatingSystemType.Windows, OSState = OperatingSystemStateType.Generalized,
            HyperVGeneration = HyperVGeneration.V2, Identifier = new GalleryImageIdentifier("pub", "offer", "sku"),
        };
        var badDefinition = Definition();
        badDefinition.Tags["<script>"] = "x";
        Refused(await Scenario.Fails(() => gallery.GetGalleryImages().CreateOrUpdateAsync(WaitUntil.Completed, "def", badDefinition)),
            "InvalidTagNameCharacters", "The tag names '<script>' have reserved characters");
        Assert.False((await gallery.GetGalleryImages().ExistsAsync("def")).Value);

        var definition = (await gallery.GetGalleryImages().CreateOrUpdateAsync(WaitUntil.Completed, "def", Definition())).Value;
        var seeded = await _f.Server.Control.SeedVmAsync(new SeedVmRequest { ResourceGroup = rg.Data.Name, Name = "src", State = "generalized" });
        var version = new GalleryImageVersionData(East)
        {
            PublishingProfile = new GalleryImageVersionPublishingProfile(),
            StorageProfile = new GalleryImageVersionStorageProfile { GallerySource = new GalleryArtifactVersionFullSource { Id = new ResourceIdentifier(seeded.Id) } },
        };
        version.Tags["build"] = LongValue;
        Refused(await Scenario.Fails(() => definition.GetGalleryImageVersions().CreateOrUpdateAsync(WaitUntil.Completed, "1.0.0", version)), "InvalidTagValueLength", "Tag value too large.");
        Assert.False((await definition.GetGalleryImageVersions().ExistsAsync("1.0.0")).Value);
    }

    [Fact]
    public async Task Network_resources_refuse_tags_over_the_limits()
    {
        var rg = await _f.CreateResourceGroupAsync(_f.UniqueName("rg-tags-"));
        var id = Scenario.Id(_f.SubscriptionId, rg.Data.Name, "Microsoft.Network", "publicIPAddresses", "pip");
        var pip = new GenericResourceData(East) { Properties = BinaryData.FromString("{}") };
        Fill(pip.Tags, Many(51));
        Refused(await Scenario.Fails(() => _f.Client.GetGenericResources().CreateOrUpdateAsync(WaitUntil.Completed, id, pip)), "InvalidTags", TooMany);
        Assert.False((await _f.Client.GetGenericResources().ExistsAsync(id)).Value);
    }

    [Fact]
    public async Task A_seed_with_too_many_tags_is_refused_before_anything_is_created()
    {
        var group = _f.UniqueName("rg-tags-");
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => _f.Server.Control.SeedVmAsync(new SeedVmRequest { ResourceGroup = group, Name = "vm1", Tags = Many(51) }));
        Assert.Contains("failed with 400", ex.Message);
        Assert.Contains("InvalidTags", ex.Message);
        Assert.False((await _f.Subscription.GetResourceGroups().ExistsAsync(group)).Value);
    }
}

/// <summary>Tag bodies the SDK cannot send, through raw HTTPS.</summary>
public sealed class RawTagBodyTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;
    public RawTagBodyTests(EmulatorFixture f) { _f = f; }

    [Theory]
    [InlineData("""{"location":"eastus","tags":{"env":"a","ENV":"b"}}""", "duplicate property name")]
    [InlineData("""{"location":"eastus","tags":{"count":1}}""", "The value of tag 'count' must be a string.")]
    [InlineData("""{"location":"eastus","tags":["a","b"]}""", "The 'tags' property must be a JSON object")]
    public async Task Malformed_tags_are_400_InvalidRequestContent_never_a_500(string body, string message)
    {
        using var http = TestArm.RawClient(_f.Server);
        var (status, reply) = await TestArm.SendAsync(http, HttpMethod.Put, $"subscriptions/{_f.SubscriptionId}/resourcegroups/{_f.UniqueName("rg-rawtags-")}?api-version=2022-09-01", body);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, status);
        Assert.Equal("InvalidRequestContent", reply!["error"]!["code"]!.GetValue<string>());
        Assert.Contains(message, reply["error"]!["message"]!.GetValue<string>());
    }
}
