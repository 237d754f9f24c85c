using System.Management.Automation;
using ImageTools.PowerShell.Tests.Infrastructure;

namespace ImageTools.PowerShell.Tests;

/// <summary>
/// Progress records (per-region replication bars under the publish activity, "n of N VMs")
/// reach the progress stream and the host in an interactive session; -Verbose adds the
/// engine's step lines; in a host-less (runbook) session progress becomes verbose lines.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class ProgressAndVerboseTests(EmulatorFixture emulator)
{
    private static string PublishCommand(string gallery) =>
        $"Publish-GalleryVersion -ResourceId $vmId -GalleryName {gallery} -DefinitionName web -Publisher contoso -Offer web -Sku v1 -Version 1.0.0 -TargetRegion eastus,westeurope=2";

    [Fact]
    public async Task Publish_replication_writes_one_progress_bar_per_region_under_the_publish_activity()
    {
        var group = EmulatorFixture.NewGroup("pv-pub");
        var vm = await emulator.SeedVmAsync(group, "gen01", state: "generalized");
        var gallery = Kit.Gallery(group);
        var host = new TestHost();
        using var ps = emulator.Session(host);

        var run = ps.Run(PublishCommand(gallery) + " -Verbose", Kit.Vars(("vmId", vm.Id))).AssertClean();

        var publish = run.Progress.Where(p => p.Activity == $"Publish '{gallery}/web'").ToList();
        Assert.NotEmpty(publish);
        Assert.All(publish, p => Assert.Equal(1, p.ActivityId));
        Assert.Equal(ProgressRecordType.Completed, publish.Last().RecordType);
        foreach (var region in new[] { "East US", "West Europe" })
        {
            var bars = run.Progress.Where(p => p.Activity == $"Replicating 1.0.0 to {region}").ToList();
            Assert.NotEmpty(bars);
            Assert.All(bars, p => Assert.Equal(1, p.ParentActivityId));
            Assert.Single(bars.Select(p => p.ActivityId).Distinct());
            Assert.Equal(ProgressRecordType.Completed, bars.Last().RecordType);
            Assert.Equal(100, bars.Last().PercentComplete);
        }
        Assert.NotEqual(run.Progress.First(p => p.Activity.EndsWith("East US", StringComparison.Ordinal)).ActivityId,
            run.Progress.First(p => p.Activity.EndsWith("West Europe", StringComparison.Ordinal)).ActivityId);
        // The interactive host was shown the bars too.
        Assert.Contains(run.HostLines, l => l.Kind == "Progress" && l.Text.StartsWith("Replicating 1.0.0 to West Europe", StringComparison.Ordinal));

        Assert.Contains($"Publish '{gallery}/web': creating gallery '{gallery}'", run.Verbose);
        Assert.Contains($"Publish '{gallery}/web': replicating version '1.0.0' to eastus, westeurope", run.Verbose);
    }

    [Fact]
    public async Task New_VmFromImage_Count_reports_n_of_N_VMs_and_verbose_lines_only_with_Verbose()
    {
        var group = EmulatorFixture.NewGroup("pv-dep");
        var vm = await emulator.SeedVmAsync(group, "gen01", state: "generalized");
        using var ps = emulator.Session(new TestHost());
        var imageId = RunResult.Prop(ps.Run("New-CapturedImage -ResourceId $vmId", Kit.Vars(("vmId", vm.Id))).AssertClean().Output.Single(), "Id");

        var quiet = ps.Run($"New-VmFromImage -ResourceId $imageId -ResourceGroupName {group} -Name quiet -Count 2 -Credential $cred",
            Kit.Vars(("imageId", imageId), ("cred", Kit.Credential()))).AssertClean();
        var verbose = ps.Run($"New-VmFromImage -ResourceId $imageId -ResourceGroupName {group} -Name web -Count 3 -Credential $cred -Verbose",
            Kit.Vars(("imageId", imageId), ("cred", Kit.Credential()))).AssertClean();

        Assert.Empty(quiet.Verbose);
        Assert.Contains(quiet.Progress, p => p.StatusDescription == "2 of 2 VMs");

        Assert.Equal(3, verbose.OutputOf("VmInfo").Count);
        var counts = verbose.Progress.Where(p => p.StatusDescription.EndsWith(" of 3 VMs", StringComparison.Ordinal)).ToList();
        Assert.Equal(new[] { "1 of 3 VMs", "2 of 3 VMs", "3 of 3 VMs" }, counts.Select(p => p.StatusDescription));
        Assert.Equal(new[] { 33, 66, 100 }, counts.Select(p => p.PercentComplete));
        Assert.All(counts, p => Assert.Equal("Create VM 'web' ×3", p.Activity));
        Assert.Equal(ProgressRecordType.Completed, verbose.Progress.Last().RecordType);
        foreach (var name in new[] { "web-01", "web-02", "web-03" })
            Assert.Contains(verbose.Verbose, l => l.StartsWith($"VM '{name}': creating the VM", StringComparison.Ordinal));
        Assert.Contains("Create VM 'web' ×3: reading the vCPU usage of 'eastus'", verbose.Verbose);
    }

    [Fact]
    public async Task A_host_less_session_gets_replication_as_verbose_lines_instead_of_progress_records()
    {
        var group = EmulatorFixture.NewGroup("pv-ni");
        var vm = await emulator.SeedVmAsync(group, "gen01", state: "generalized");
        using var ps = emulator.Session(host: null);

        var run = ps.Run(PublishCommand(Kit.Gallery(group)) + " -Verbose", Kit.Vars(("vmId", vm.Id))).AssertClean();

        Assert.Empty(run.Progress);
        Assert.Contains("Replication of '1.0.0' to 'East US': Completed (100%)", run.Verbose);
        Assert.Contains("Replication of '1.0.0' to 'West Europe': Completed (100%)", run.Verbose);
    }
}
