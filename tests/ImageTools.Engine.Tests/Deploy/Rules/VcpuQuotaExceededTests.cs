using ImageTools.Engine.Requests;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Deploy.Rules;

[Collection(EmulatorCollection.Name)]
public class VcpuQuotaExceededTests(EmulatorFixture emulator)
{
    // westus3 is used by no other test, so its usage starts at zero.
    private const string Region = "westus3";

    [Fact]
    public async Task Total_regional_vCPUs_are_checked_before_any_write()
    {
        var group = EmulatorFixture.NewGroup("dr-quota");
        var version = await DeployKit.VersionAsync(emulator, group, regions: new[] { "eastus", Region });
        await using var quota = await DeployKit.QuotaAsync(emulator, Region, new() { ["cores"] = 5 });

        var e = await DeployKit.RefusedAsync(emulator, group, DeployKit.Request(group, version.Id, "q", 3, r => r.Location = Region));

        var message = e.Refusal("VcpuQuotaExceeded").Message;
        Assert.Contains("needs 6 vCPUs", message);
        Assert.Contains("Total Regional vCPUs: limit 5", message);
    }

    [Fact]
    public async Task The_size_family_quota_is_checked_and_a_fitting_count_goes_through()
    {
        var group = EmulatorFixture.NewGroup("dr-quota-fam");
        var version = await DeployKit.VersionAsync(emulator, group, regions: new[] { "eastus", Region });
        await using var quota = await DeployKit.QuotaAsync(emulator, Region, new() { ["standardDSv5Family"] = 4 });

        var e = await DeployKit.RefusedAsync(emulator, group, DeployKit.Request(group, version.Id, "q", 3, r => r.Location = Region));
        Assert.Contains("DSv5", e.Refusal("VcpuQuotaExceeded").Message);

        var host = await DeployKit.DeployAsync(emulator, DeployKit.Request(group, version.Id, "q", 2, r => r.Location = Region));
        Assert.Empty(host.Errors);
        Assert.Equal(2, DeployKit.Vms(host).Count);
        Assert.All(DeployKit.Vms(host), v => Assert.Equal(Region, v.Location));
    }
}
