using ImageTools.Engine.Gateway;
using ImageTools.Engine.Operations;

namespace ImageTools.Engine.Tests.Operations;

/// <summary>A clone's network goes with it only when its tags prove it is the clone's own and nothing else is attached.</summary>
public class CloneNetworkTests
{
    private const string Group = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers";
    private static readonly ArmId Source = ArmId.Parse($"{Group}/Microsoft.Compute/virtualMachines/golden01");
    private static readonly ArmId Clone = ArmId.Parse($"{Group}/Microsoft.Compute/virtualMachines/golden01-clone");
    private static readonly ArmId Nic = ArmId.Parse($"{Group}/Microsoft.Network/networkInterfaces/golden01-clone-nic");

    private static VmState CloneVm() => new() { Id = Clone, Name = Clone.Name, Tags = new() { ["imagetools-clone-of"] = Source.Id } };

    private static VirtualNetworkUse Network(string? cloneOf, string? owner, params string[] ipConfigurations)
    {
        var use = new VirtualNetworkUse { Id = ArmId.Parse($"{Group}/Microsoft.Network/virtualNetworks/golden01-clone-isolated-vnet") };
        if (cloneOf != null) use.Tags["imagetools-clone-of"] = cloneOf;
        if (owner != null) use.Tags["imagetools-owner"] = owner;
        use.IpConfigurationIds.AddRange(ipConfigurations);
        return use;
    }

    [Fact]
    public void The_clones_own_network_with_only_its_nic_goes()
    {
        Assert.Null(CloneNetwork.WhyLeft(CloneVm(), Network(Source.Id, Clone.Id, Nic.Id + "/ipConfigurations/ipconfig1"), [Nic]));
    }

    [Fact]
    public void A_network_owned_by_another_clone_or_untagged_is_left()
    {
        Assert.Contains("do not name VM 'golden01-clone'", CloneNetwork.WhyLeft(CloneVm(), Network(Source.Id, Source.Id), [Nic]));
        Assert.NotNull(CloneNetwork.WhyLeft(CloneVm(), Network(null, null), [Nic]));
        Assert.NotNull(CloneNetwork.WhyLeft(new VmState { Id = Clone, Name = Clone.Name }, Network(Source.Id, Clone.Id), [Nic]));
    }

    [Fact]
    public void Another_nic_or_a_peering_keeps_the_network()
    {
        var other = $"{Group}/Microsoft.Network/networkInterfaces/probe-nic/ipConfigurations/ipconfig1";
        Assert.Equal("other resources are attached to it: 'probe-nic'",
            CloneNetwork.WhyLeft(CloneVm(), Network(Source.Id, Clone.Id, Nic.Id + "/ipConfigurations/ipconfig1", other), [Nic]));
        var peered = Network(Source.Id, Clone.Id);
        peered.OtherAttachedIds.Add($"{Group}/Microsoft.Network/virtualNetworks/golden01-clone-isolated-vnet/virtualNetworkPeerings/hub");
        Assert.Contains("'hub'", CloneNetwork.WhyLeft(CloneVm(), peered, [Nic]));
    }
}
