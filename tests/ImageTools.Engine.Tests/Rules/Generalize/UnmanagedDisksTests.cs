using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Rules.Generalize;

[Collection(EmulatorCollection.Name)]
public class UnmanagedDisksTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_vm_on_unmanaged_disks_is_refused_before_any_write()
    {
        var group = EmulatorFixture.NewGroup("unmanaged");
        await emulator.SeedVmAsync(group, "old01", configure: r => r.UnmanagedDisk = true);

        var e = await emulator.GeneralizeRefusedAsync(group, Refusals.Generalize(group, "old01"));

        var finding = e.Refusal("UnmanagedDisks");
        Assert.Equal("UnmanagedDisks", e.RuleId);
        Assert.Contains("old01-os.vhd", finding.Message);
        Assert.Contains("ConvertTo-AzVMManagedDisk", finding.Remedy);
        Assert.EndsWith("/virtualMachines/old01", finding.TargetId, StringComparison.OrdinalIgnoreCase);
    }
}
