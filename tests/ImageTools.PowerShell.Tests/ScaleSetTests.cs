using System.Management.Automation;
using System.Text.Json;
using ImageTools.PowerShell.Tests.Infrastructure;

namespace ImageTools.PowerShell.Tests;

/// <summary>
/// Scale sets through the real cmdlets: a gallery version feeds a 5-instance scale set
/// (New-VmssFromImage) and the next version rolls out to it in batches (Update-VmssImage), both
/// bound from Publish-GalleryVersion's output; refusals write nothing.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class ScaleSetTests(EmulatorFixture emulator)
{
    private const string PublishV1 =
        "Publish-GalleryVersion -ResourceId $vmId -GalleryName {0} -DefinitionName web -Publisher contoso -Offer web -Sku ws -Version 1.0.0";

    [Fact]
    public async Task A_gallery_version_feeds_a_5_instance_scale_set_and_the_next_version_rolls_out_in_batches()
    {
        var group = EmulatorFixture.NewGroup("vmss");
        var gallery = Kit.Gallery(group);
        var first = await emulator.SeedVmAsync(group, "gen01", state: "generalized");
        var second = await emulator.SeedVmAsync(group, "gen02", state: "generalized");
        using var ps = emulator.Session(new TestHost());

        var deployed = ps.Run(string.Format(PublishV1, gallery) +
            $" | New-VmssFromImage -ResourceGroupName {group} -Name web -Capacity 5 -UpgradePolicy Rolling -Credential $cred -Verbose",
            Kit.Vars(("vmId", first.Id), ("cred", Kit.Credential()))).AssertClean();

        var vmss = Assert.Single(deployed.OutputOf("VmssInfo"));
        var v1 = $"/subscriptions/{emulator.SubscriptionId}/resourceGroups/{group}/providers/Microsoft.Compute/galleries/{gallery}/images/web/versions/1.0.0";
        Assert.Equal(("web", "Flexible", "Rolling"), (RunResult.Prop(vmss, "Name"), RunResult.Prop(vmss, "OrchestrationMode"), Nested(vmss, "UpgradePolicy", "Mode")));
        Assert.Equal("5", Nested(vmss, "Sku", "Capacity"));
        Assert.Equal(v1, RunResult.Prop(vmss, "SourceImageId"), ignoreCase: true);
        var instances = Instances(vmss);
        Assert.Equal(5, instances.Count);
        Assert.All(instances, i => Assert.Equal(v1, RunResult.Prop(i, "SourceImageId"), ignoreCase: true));
        Assert.Equal(5, instances.Select(i => RunResult.Prop(i, "ComputerName")).Distinct().Count());
        Assert.All(instances, i => Assert.StartsWith("web", RunResult.Prop(i, "ComputerName"), StringComparison.Ordinal));
        // The scale set ARM holds: Flexible, the health extension Rolling needs, the password never returned.
        var arm = await emulator.GetAsync(RunResult.Prop(vmss, "Id"));
        Assert.Equal("Flexible", arm.Str("properties", "orchestrationMode"));
        Assert.Contains(arm.GetProperty("properties").GetProperty("virtualMachineProfile").GetProperty("extensionProfile").GetProperty("extensions").EnumerateArray(),
            e => e.Str("properties", "type") == "ApplicationHealthWindows");
        Assert.DoesNotContain(Kit.Password, arm.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(Kit.Password, deployed.AllText(), StringComparison.Ordinal);

        var before = await emulator.Control.GetTimingAsync();
        var slow = before.Clone();
        slow.PerKind["rollingUpgradeBatch"] = 1;
        await emulator.Control.SetTimingAsync(slow);
        RunResult rolled;
        try
        {
            rolled = ps.Run($"Publish-GalleryVersion -ResourceId $vmId -GalleryName {gallery} -DefinitionName web -Version auto | " +
                $"Update-VmssImage -ResourceGroupName {group} -VMScaleSetName web -Force -Verbose",
                Kit.Vars(("vmId", second.Id))).AssertClean();
        }
        finally
        {
            await emulator.Control.SetTimingAsync(before);
        }

        var v2 = v1[..^"1.0.0".Length] + "1.0.1";
        var upgraded = Assert.Single(rolled.OutputOf("VmssInfo"));
        Assert.Equal(("Completed", v2), (RunResult.Prop(upgraded, "RollingUpgradeStatus"), RunResult.Prop(upgraded, "SourceImageId")), new IgnoreCaseTuple());
        Assert.All(Instances(upgraded), i => Assert.Equal(v2, RunResult.Prop(i, "SourceImageId"), ignoreCase: true));
        // Progress per batch: 5 instances at 20% are 5 batches of one, each seen while it ran.
        var batches = rolled.Progress.Select(p => p.StatusDescription).Where(s => s.StartsWith("RollingForward, batch", StringComparison.Ordinal)).Distinct().ToList();
        Assert.True(batches.Count >= 2, "batch progress: " + string.Join(" | ", batches));
        Assert.All(batches, s => Assert.Matches(@"^RollingForward, batch [1-5] of 5: \d upgraded, \d in progress, \d pending, 0 failed$", s));
        Assert.Contains(rolled.Progress, p => p.StatusDescription.StartsWith("Completed, batch 5 of 5: 5 upgraded", StringComparison.Ordinal));
        // A line per instance as it comes up on the new version.
        foreach (var instance in Instances(upgraded))
            Assert.Contains(rolled.Verbose, l => l.Contains($"instance '{RunResult.Prop(instance, "Name")}'", StringComparison.Ordinal) && l.Contains(v2, StringComparison.OrdinalIgnoreCase));
        var latest = await emulator.GetAsync(RunResult.Prop(vmss, "Id") + "/rollingUpgrades/latest");
        Assert.Equal("Completed", latest.Str("properties", "runningStatus", "code"));
        Assert.Equal(5, latest.GetProperty("properties").GetProperty("progress").GetProperty("successfulInstanceCount").GetInt32());

        // A rerun converges: nothing to upgrade, nothing written.
        var mark = await emulator.MarkAsync();
        var again = ps.Run($"Update-VmssImage -ResourceGroupName {group} -VMScaleSetName web -ImageId $v2 -Force -Verbose", Kit.Vars(("v2", v2))).AssertClean();
        Assert.Single(again.OutputOf("VmssInfo"));
        Assert.Contains(again.Verbose, l => l.Contains("already run", StringComparison.Ordinal));
        await emulator.AssertNoWritesAsync(mark);
    }

    private static string Nested(PSObject item, string property, string inner) =>
        Convert.ToString(PSObject.AsPSObject(item.Properties[property].Value).Properties[inner].Value) ?? "";

    private static List<PSObject> Instances(PSObject vmss) =>
        ((IEnumerable<object>)PSObject.AsPSObject(vmss.Properties["Instances"].Value).BaseObject).Select(PSObject.AsPSObject).ToList();

    private sealed class IgnoreCaseTuple : IEqualityComparer<(string, string)>
    {
        public bool Equals((string, string) x, (string, string) y) =>
            string.Equals(x.Item1, y.Item1, StringComparison.OrdinalIgnoreCase) && string.Equals(x.Item2, y.Item2, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string, string) obj) => 0;
    }
}
