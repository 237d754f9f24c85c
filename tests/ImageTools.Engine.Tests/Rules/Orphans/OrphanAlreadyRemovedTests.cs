using ImageTools.Engine.Rules;
using ImageTools.Engine.Rules.Orphans;
using static ImageTools.Engine.Tests.Rules.Orphans.OrphanFactsKit;

namespace ImageTools.Engine.Tests.Rules.Orphans;

public class OrphanAlreadyRemovedTests
{
    [Fact]
    public void A_resource_that_is_gone_is_done_without_a_write()
    {
        var finding = new OrphanAlreadyRemoved().Evaluate(Facts(Id("Microsoft.Network/virtualNetworks", "golden01-clone-isolated-vnet"), null, exists: false));
        Assert.Equal(FindingSeverity.AlreadyDone, finding!.Severity);
        Assert.Contains("already removed", finding.Message);
        Assert.Null(new OrphanAlreadyRemoved().Evaluate(Facts(Id("Microsoft.Compute/snapshots", "s"), PreGeneralize("base01"))));
    }
}
