using ImageTools.Engine.Rules;
using ImageTools.Engine.Rules.Orphans;
using static ImageTools.Engine.Tests.Rules.Orphans.OrphanFactsKit;

namespace ImageTools.Engine.Tests.Rules.Orphans;

public class OrphanInUseTests
{
    [Fact]
    public void An_orphan_something_now_uses_is_refused_naming_the_user()
    {
        var vnet = Id("Microsoft.Network/virtualNetworks", "golden01-clone-isolated-vnet");
        var finding = new OrphanInUse().Evaluate(Facts(vnet, ClonePart(),
            attachedTo: [$"{Group}/Microsoft.Network/networkInterfaces/probe-nic/ipConfigurations/ipconfig1"]));
        Assert.Equal(FindingSeverity.Refusal, finding!.Severity);
        Assert.Contains("is in use by 'probe-nic'", finding.Message);
        Assert.Null(new OrphanInUse().Evaluate(Facts(vnet, ClonePart())));
    }
}
