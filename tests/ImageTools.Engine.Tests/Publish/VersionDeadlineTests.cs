using ImageTools.Emulator.Control;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Publish;

/// <summary>
/// -ReplicationTimeout bounds the version's creation and its replication together. A version
/// Azure never finishes creating ends each run within the limit with a way out that ends (the
/// next version number, or removing the stuck one), and a rerun does not wait forever.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class VersionDeadlineTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_version_stuck_in_Creating_ends_within_the_timeout_naming_the_next_version_and_a_rerun_ends_too()
    {
        var group = EmulatorFixture.NewGroup("pub-stuck");
        var vm = await PublishKit.GeneralizedVmAsync(emulator, group, "gen01");
        var engine = await emulator.EngineWithAsync(o => o.PollingInterval = TimeSpan.FromMilliseconds(200));
        PublishRequest Request(string version) => PublishKit.Request(group, vm, version, r => r.ReplicationTimeout = TimeSpan.FromSeconds(2));
        await emulator.Control.AddFaultAsync(new FaultRule { Kind = "lroNeverEnds", Method = "PUT", PathPattern = group + ".*/versions/1\\.0\\.0$", Count = 1 });
        try
        {
            var first = await Assert.ThrowsAsync<ImageToolsException>(() => engine.PublishAsync(Request("1.0.0"), new RecordingHost()));
            Assert.Equal("GalleryVersionStuck", first.RuleId);
            Assert.Equal(FailureCategory.OperationTimeout, first.Category);
            Assert.Contains("Version '1.0.0' of 'corp/web' was not created within -ReplicationTimeout 2 s: it reads provisioningState 'Creating'", first.Message);
            Assert.Contains("with -Version 1.0.1", first.Remedy);
            Assert.Contains($"Remove-AzGalleryImageVersion -ResourceGroupName {group} -GalleryName corp -GalleryImageDefinitionName web -Name 1.0.0", first.Remedy);
            Assert.EndsWith("/versions/1.0.0", first.TargetId);

            // The same command again finds the stuck version, waits once more within the limit, and ends the same way.
            var rerun = await Assert.ThrowsAsync<ImageToolsException>(() => engine.PublishAsync(Request("1.0.0"), new RecordingHost()));
            Assert.Equal("GalleryVersionStuck", rerun.RuleId);
            Assert.Contains("with -Version 1.0.1", rerun.Remedy);
        }
        finally
        {
            await emulator.Control.ClearFaultsAsync();
        }

        var next = await engine.PublishAsync(Request("1.0.1"), new RecordingHost());
        Assert.Equal("1.0.1", next!.Name);
        Assert.Equal("Succeeded", next.ProvisioningState);
    }

    [Fact]
    public async Task Replication_past_the_timeout_names_the_regions_still_replicating_and_says_a_rerun_waits_again()
    {
        var group = EmulatorFixture.NewGroup("pub-slowrep");
        var vm = await PublishKit.GeneralizedVmAsync(emulator, group, "gen01");
        var engine = await emulator.EngineWithAsync(o => o.PollingInterval = TimeSpan.FromMilliseconds(200));
        var request = PublishKit.Request(group, vm, configure: r =>
        {
            r.ReplicationTimeout = TimeSpan.FromSeconds(2);
            r.TargetRegions = [new TargetRegionRequest { Name = "westeurope" }];
        });
        ImageToolsException e;
        await using (await PublishKit.ReplicationAsync(emulator, new ReplicationSettings { SecondsPerRegion = 3600 }))
            e = await Assert.ThrowsAsync<ImageToolsException>(() => engine.PublishAsync(request, new RecordingHost()));

        Assert.Equal("GalleryReplicationTimedOut", e.RuleId);
        Assert.Contains("exists, but its replication did not finish within -ReplicationTimeout 2 s (still replicating: ", e.Message);
        Assert.Contains("West Europe Replicating", e.Message);
        Assert.DoesNotContain("East US", e.Message);
        Assert.Contains("rerun the same command to wait for it again", e.Remedy);
    }
}
