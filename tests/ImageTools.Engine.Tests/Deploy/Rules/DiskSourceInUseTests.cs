using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Deploy.Rules;

[Collection(EmulatorCollection.Name)]
public class DiskSourceInUseTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task Another_VMs_OS_disk_is_refused_naming_that_VM()
    {
        var group = EmulatorFixture.NewGroup("disk-used");
        var seeded = await emulator.SeedVmAsync(group, "owner01");

        var e = await DeployKit.RefusedAsync(emulator, group, DeployKit.Request(group, seeded.OsDiskId, "thief", configure: r => r.Credential = null));
        var finding = e.Refusal("DiskSourceInUse");
        Assert.Contains("is Attached (VM 'owner01')", finding.Message, StringComparison.Ordinal);
        Assert.Contains("Remove-AzVM", finding.Remedy, StringComparison.Ordinal);
    }
}
