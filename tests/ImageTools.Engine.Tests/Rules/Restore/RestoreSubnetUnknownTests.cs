using ImageTools.Engine.Gateway;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Rules.Restore;

namespace ImageTools.Engine.Tests.Rules.Restore;

/// <summary>ARM keeps a VM's NIC while the VM exists, so the emulator cannot hold a VM without one: the rule is judged over facts.</summary>
public class RestoreSubnetUnknownTests
{
    private static RestoreFacts Facts(bool generalized, NicState? nic)
    {
        var vm = new VmState { Id = ArmId.Of("s", "rg", ArmId.VirtualMachines, "base01"), Name = "base01", IsGeneralized = generalized };
        return new RestoreFacts(new RestoreRequest(), vm, Array.Empty<RestorePoint>(),
            ArmId.Of("s", "rg", ArmId.VirtualMachines, "base01-restored"), null, nic);
    }

    [Fact]
    public void A_generalized_VM_without_a_NIC_in_a_subnet_is_refused()
    {
        var finding = new RestoreSubnetUnknown().Evaluate(Facts(true, null));
        Assert.NotNull(finding);
        Assert.Contains("no NIC in a subnet", finding!.Message);
        Assert.Contains("New-AzVM -CreateOption Attach", finding.Remedy);
    }

    [Fact]
    public void A_VM_that_is_only_swapped_needs_no_subnet()
    {
        Assert.Null(new RestoreSubnetUnknown().Evaluate(Facts(false, null)));
        Assert.Null(new RestoreSubnetUnknown().Evaluate(Facts(true, new NicState { SubnetId = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/d" })));
    }
}
