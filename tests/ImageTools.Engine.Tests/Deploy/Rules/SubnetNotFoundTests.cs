using ImageTools.Engine.Requests;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Deploy.Rules;

[Collection(EmulatorCollection.Name)]
public class SubnetNotFoundTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_missing_subnet_is_refused()
    {
        var group = EmulatorFixture.NewGroup("dr-subnet");
        var image = await DeployKit.ImageAsync(emulator, group);
        var subnet = $"/subscriptions/{emulator.SubscriptionId}/resourceGroups/{group}/providers/Microsoft.Network/virtualNetworks/seed-vnet-eastus/subnets/nope";

        var e = await DeployKit.RefusedAsync(emulator, group, DeployKit.Request(group, image, configure: r => r.SubnetId = subnet));

        Assert.Contains("nope", e.Refusal("SubnetNotFound").Message);
    }
}
