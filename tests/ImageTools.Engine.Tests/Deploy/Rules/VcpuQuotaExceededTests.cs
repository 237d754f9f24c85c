using ImageTools.Engine.Gateway;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Rules.Deploy;
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

    [Fact]
    public async Task The_family_quota_is_the_one_the_sku_names_not_one_guessed_from_the_size_name()
    {
        // Standard_B2ms: the name suggests standardBMSFamily, the SKU says standardBSFamily (the B-series has one family).
        var group = EmulatorFixture.NewGroup("dr-quota-sku");
        var image = await DeployKit.ImageAsync(emulator, group);
        await using var quota = await DeployKit.QuotaAsync(emulator, "eastus", new() { ["standardBMSFamily"] = 1 });

        var host = await DeployKit.DeployAsync(emulator, DeployKit.Request(group, image, "b", configure: r => r.VmSize = "Standard_B2ms"));

        Assert.Empty(host.Errors);
        Assert.Single(DeployKit.Vms(host));
        Assert.DoesNotContain(host.Verbose, v => v.Contains("derived from the size name"));
    }

    [Fact]
    public void Without_a_sku_family_the_family_is_derived_from_the_size_name()
    {
        var usages = new[] { new UsageState { Name = "standardBMSFamily", Limit = 1 }, new UsageState { Name = "standardBSFamily", Limit = 10 } };
        var sizes = new[] { new VmSizeState { Name = "Standard_B2ms", Cores = 2 } };
        var request = new DeployRequest { VmSize = "Standard_B2ms", Name = "b" };
        var source = new DeploySource();

        var derived = new DeployFacts(request, "sub", source, "eastus", true, [], sizes, usages, new PlannedNetwork());
        Assert.Equal("standardBMSFamily", derived.Family!.Name);
        Assert.False(derived.FamilyFromSku);

        var fromSku = new DeployFacts(request, "sub", source, "eastus", true, [], sizes, usages, new PlannedNetwork(),
            [new VmSkuState { Name = "Standard_B2ms", Family = "standardBSFamily", HyperVGenerations = ["V1", "V2"] }]);
        Assert.Equal("standardBSFamily", fromSku.Family!.Name);
        Assert.True(fromSku.FamilyFromSku);

        var unknownFamily = new DeployFacts(request, "sub", source, "eastus", true, [], sizes, usages, new PlannedNetwork(),
            [new VmSkuState { Name = "Standard_B2ms", Family = "standardZZFamily" }]);
        Assert.Equal("standardBMSFamily", unknownFamily.Family!.Name);
        Assert.False(unknownFamily.FamilyFromSku);
    }
}
