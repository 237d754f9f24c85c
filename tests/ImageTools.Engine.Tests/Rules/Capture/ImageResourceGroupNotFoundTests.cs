using ImageTools.Engine.Hosting;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Rules.Capture;

[Collection(EmulatorCollection.Name)]
public class ImageResourceGroupNotFoundTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task An_image_group_that_does_not_exist_is_refused_and_not_created()
    {
        var group = EmulatorFixture.NewGroup("imggroup");
        var vm = await emulator.GeneralizedVmAsync(group, "gold");
        var absent = EmulatorFixture.NewGroup("absent");

        var e = await emulator.CaptureRefusedAsync(group, Refusals.Capture(vm, r => r.ResourceGroupName = absent));

        var finding = e.Refusal("ImageResourceGroupNotFound");
        Assert.Contains($"'{absent}'", finding.Message);
        Assert.Contains("New-AzResourceGroup", finding.Remedy);
        Assert.Equal(FailureCategory.ObjectNotFound, finding.Category);
        Assert.False(await emulator.Gateway.ResourceGroupExistsAsync(emulator.SubscriptionId, absent, default));
    }

    [Fact]
    public async Task An_image_goes_to_another_existing_group_when_asked()
    {
        var group = EmulatorFixture.NewGroup("imggroup-src");
        var images = EmulatorFixture.NewGroup("imggroup-dst");
        var vm = await emulator.GeneralizedVmAsync(group, "gold");
        await emulator.SeedVmAsync(images, "placeholder");

        var image = await emulator.Engine.CaptureAsync(Refusals.Capture(vm, r => r.ResourceGroupName = images), new RecordingHost());

        Assert.Equal(images, image!.ResourceGroupName, ignoreCase: true);
        Assert.Contains($"/resourceGroups/{images}/providers/Microsoft.Compute/images/gold-image", image.Id, StringComparison.OrdinalIgnoreCase);
    }
}
