using ImageTools.Engine.Rules;
using ImageTools.Engine.Rules.Orphans;
using static ImageTools.Engine.Tests.Rules.Orphans.OrphanFactsKit;

namespace ImageTools.Engine.Tests.Rules.Orphans;

public class OrphanNotMadeByImageToolsTests
{
    [Fact]
    public void Resources_without_ImageTools_tags_or_with_half_of_them_are_refused()
    {
        var rule = new OrphanNotMadeByImageTools();
        var untagged = rule.Evaluate(Facts(Id("Microsoft.Compute/disks", "data1"), new() { ["owner"] = "ops" }));
        Assert.Equal(FindingSeverity.Refusal, untagged!.Severity);
        Assert.Contains("carries no tag that proves ImageTools made it", untagged.Message);
        // A clone's owner tag alone, on a disk, proves nothing; a snapshot-of tag only counts on a snapshot.
        Assert.NotNull(rule.Evaluate(Facts(Id("Microsoft.Compute/disks", "d"), new() { ["imagetools-owner"] = $"{Group}/Microsoft.Compute/virtualMachines/x" })));
        Assert.NotNull(rule.Evaluate(Facts(Id("Microsoft.Compute/disks", "d"), PreGeneralize("base01"))));
        // A VM is never an orphan, whatever its tags.
        Assert.NotNull(rule.Evaluate(Facts(Id("Microsoft.Compute/virtualMachines", "golden01-clone"), ClonePart())));
    }

    [Fact]
    public void Pre_generalize_snapshots_and_clone_parts_pass()
    {
        var rule = new OrphanNotMadeByImageTools();
        Assert.Null(rule.Evaluate(Facts(Id("Microsoft.Compute/snapshots", "base01-os-pregeneralize"), PreGeneralize("base01"))));
        Assert.Null(rule.Evaluate(Facts(Id("Microsoft.Network/virtualNetworks", "golden01-clone-isolated-vnet"), ClonePart())));
        Assert.Null(rule.Evaluate(Facts(Id("Microsoft.Compute/snapshots", "golden01-clone-os-source"),
            new() { ["imagetools-clone-of"] = $"{Group}/Microsoft.Compute/virtualMachines/golden01" })));
    }
}
