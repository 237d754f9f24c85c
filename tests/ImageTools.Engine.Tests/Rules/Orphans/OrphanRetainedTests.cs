using ImageTools.Engine.Rules;
using ImageTools.Engine.Rules.Orphans;
using static ImageTools.Engine.Tests.Rules.Orphans.OrphanFactsKit;

namespace ImageTools.Engine.Tests.Rules.Orphans;

public class OrphanRetainedTests
{
    [Fact]
    public void A_snapshot_retained_beyond_now_is_kept_unless_IgnoreRetention()
    {
        var id = Id("Microsoft.Compute/snapshots", "base01-os-pregeneralize");
        var finding = new OrphanRetained().Evaluate(Facts(id, PreGeneralize("base01", Now.AddDays(3))));
        Assert.Equal(FindingSeverity.Refusal, finding!.Severity);
        Assert.Contains("retained until 2026-12-03T12:00:00Z", finding.Message);
        Assert.Contains("-IgnoreRetention", finding.Remedy);
        Assert.Null(new OrphanRetained().Evaluate(Facts(id, PreGeneralize("base01", Now.AddDays(3)), ignoreRetention: true)));
        Assert.Null(new OrphanRetained().Evaluate(Facts(id, PreGeneralize("base01", Now.AddDays(-1)))));
    }
}
