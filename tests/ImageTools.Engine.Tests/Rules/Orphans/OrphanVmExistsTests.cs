using ImageTools.Engine.Rules;
using ImageTools.Engine.Rules.Orphans;
using static ImageTools.Engine.Tests.Rules.Orphans.OrphanFactsKit;

namespace ImageTools.Engine.Tests.Rules.Orphans;

public class OrphanVmExistsTests
{
    [Fact]
    public void What_was_made_for_a_VM_that_still_exists_is_refused_with_the_way_to_remove_it()
    {
        var part = new OrphanVmExists().Evaluate(Facts(Id("Microsoft.Compute/disks", "golden01-clone-os"), ClonePart(), vmExists: true));
        Assert.Equal(FindingSeverity.Refusal, part!.Severity);
        Assert.Contains("part of clone 'golden01-clone' of VM 'golden01', and that VM still exists", part.Message);
        Assert.Contains("-DeleteSourceVm", part.Remedy);
        var snapshot = new OrphanVmExists().Evaluate(Facts(Id("Microsoft.Compute/snapshots", "base01-os-pregeneralize"), PreGeneralize("base01"), vmExists: true));
        Assert.Contains("Remove-ImageToolsSnapshot", snapshot!.Remedy);
        Assert.Null(new OrphanVmExists().Evaluate(Facts(Id("Microsoft.Compute/snapshots", "base01-os-pregeneralize"), PreGeneralize("base01"))));
    }
}
