using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Deploy.Rules;

[Collection(EmulatorCollection.Name)]
public class DiskSourceSingleVmTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_disk_becomes_one_VM_and_more_copies_go_through_a_gallery_version()
    {
        var group = EmulatorFixture.NewGroup("disk-many");
        var diskId = await DiskSource.ImportedAsync(emulator, group, "app02-os", "Specialized");

        var e = await DeployKit.RefusedAsync(emulator, group, DeployKit.Request(group, diskId, "app", 2, r => r.Credential = null));
        var finding = e.Refusal("DiskSourceSingleVm");
        Assert.Contains("-Count is 2", finding.Message, StringComparison.Ordinal);
        Assert.Contains("Publish-GalleryVersion", finding.Remedy, StringComparison.Ordinal);
        Assert.DoesNotContain(e.Refusals, f => f.RuleId == "SpecializedCopies");
    }
}
