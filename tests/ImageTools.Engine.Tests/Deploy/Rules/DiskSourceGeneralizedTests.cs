using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Deploy.Rules;

[Collection(EmulatorCollection.Name)]
public class DiskSourceGeneralizedTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_generalized_disk_is_not_attached_and_the_remedy_goes_through_an_image()
    {
        var group = EmulatorFixture.NewGroup("disk-gen");
        var diskId = await DiskSource.ImportedAsync(emulator, group, "web-base", "Generalized");

        var e = await DeployKit.RefusedAsync(emulator, group, DeployKit.Request(group, diskId, "web"));
        var finding = e.Refusal("DiskSourceGeneralized");
        Assert.Contains("generalized OS", finding.Message, StringComparison.Ordinal);
        Assert.Contains($"New-CapturedImage -ResourceId {diskId} | New-VmFromImage", finding.Remedy, StringComparison.Ordinal);
    }
}
