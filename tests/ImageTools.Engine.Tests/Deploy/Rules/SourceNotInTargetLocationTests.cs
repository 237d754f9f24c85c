using ImageTools.Engine.Requests;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Deploy.Rules;

[Collection(EmulatorCollection.Name)]
public class SourceNotInTargetLocationTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_managed_image_is_refused_outside_its_region_naming_where_it_is()
    {
        var group = EmulatorFixture.NewGroup("dr-loc-img");
        var image = await DeployKit.ImageAsync(emulator, group);

        var e = await DeployKit.RefusedAsync(emulator, group, DeployKit.Request(group, image, configure: r => r.Location = "westeurope"));

        var refusal = e.Refusal("SourceNotInTargetLocation");
        Assert.Contains("'eastus'", refusal.Message);
        Assert.Contains("westeurope", refusal.Message);
    }

    [Fact]
    public async Task A_gallery_version_without_a_replica_in_the_target_is_refused_listing_its_regions()
    {
        var group = EmulatorFixture.NewGroup("dr-loc-gv");
        var version = await DeployKit.VersionAsync(emulator, group, regions: new[] { "eastus", "westeurope" });

        var e = await DeployKit.RefusedAsync(emulator, group, DeployKit.Request(group, version.Id, configure: r => r.Location = "westus"));

        var refusal = e.Refusal("SourceNotInTargetLocation");
        Assert.Contains("eastus, westeurope", refusal.Message);
        Assert.Contains("westus", refusal.Message);
    }

    [Fact]
    public async Task A_replica_that_failed_does_not_count()
    {
        var group = EmulatorFixture.NewGroup("dr-loc-fail");
        var image = await DeployKit.ImageAsync(emulator, group);
        var request = Publish.PublishKit.Request(group, image, "1.0.0", r => { r.TargetRegions = Publish.PublishKit.Regions("eastus", "westeurope"); r.NoWait = true; });
        await using (await Publish.PublishKit.ReplicationAsync(emulator, new ImageTools.Emulator.Control.ReplicationSettings { FailRegions = new() { ["westeurope"] = "storage unavailable" } }))
            await Publish.PublishKit.PublishAsync(emulator, request);
        var versionId = $"/subscriptions/{emulator.SubscriptionId}/resourceGroups/{group}/providers/Microsoft.Compute/galleries/corp/images/web/versions/1.0.0";

        var e = await DeployKit.RefusedAsync(emulator, group, DeployKit.Request(group, versionId, configure: r => r.Location = "westeurope"));

        Assert.Contains("available in: eastus.", e.Refusal("SourceNotInTargetLocation").Message);
    }
}
