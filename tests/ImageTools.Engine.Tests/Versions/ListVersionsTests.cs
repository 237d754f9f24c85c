using ImageTools.Engine.Rules;
using ImageTools.Engine.Tests.Infrastructure;
using ImageTools.Engine.Tests.Publish;
using ImageTools.Models;

namespace ImageTools.Engine.Tests.Versions;

/// <summary>Get-GalleryVersion's engine: every version with regions, replication, end of life and where `latest` resolves; no writes.</summary>
[Collection(EmulatorCollection.Name)]
public class ListVersionsTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task Versions_come_highest_first_with_their_regions_and_latest_is_the_highest_not_excluded()
    {
        var group = EmulatorFixture.NewGroup("ver-list");
        var published = await VersionKit.DefinitionAsync(emulator, group, 3, new[] { "eastus", "westeurope=2" }, "1.0.2");
        var mark = await emulator.MarkAsync();

        var versions = await VersionKit.ListAsync(emulator, VersionKit.DefinitionId(published[0]));

        Assert.Equal(new[] { "1.0.2", "1.0.1", "1.0.0" }, versions.Select(v => v.Name).ToArray());
        Assert.Equal(new[] { false, true, false }, versions.Select(v => v.IsLatest).ToArray());
        Assert.Equal(new[] { "eastus", "westeurope" }, versions[1].LatestIn);
        Assert.True(versions[0].ExcludeFromLatest);
        var first = versions[2];
        Assert.Equal(("corp", "web", "Windows", "Generalized", "Completed"), (first.GalleryName, first.DefinitionName, first.OsType, first.OsState, first.ReplicationState));
        Assert.Contains(first.TargetRegions, r => r.Name == "West Europe" && r.ReplicaCount == 2 && r.State == "Completed" && r.Progress == 100);
        Assert.Equal(published[0].Id, first.Id, ignoreCase: true);
        await emulator.AssertNoWritesAsync(group, mark);
    }

    [Fact]
    public async Task A_version_still_replicating_to_a_region_is_not_latest_there()
    {
        var group = EmulatorFixture.NewGroup("ver-repl");
        var published = await VersionKit.DefinitionAsync(emulator, group, 1, new[] { "eastus", "westus" });
        await using (await VersionKit.SlowReplicationAsync(emulator, 3600))
        {
            var source = await PublishKit.GeneralizedVmAsync(emulator, group, "golden2");
            await PublishKit.PublishAsync(emulator, PublishKit.Request(group, source, "1.1.0", r => { r.TargetRegions = PublishKit.Regions("eastus", "westus"); r.NoWait = true; }));

            var versions = await VersionKit.ListAsync(emulator, VersionKit.DefinitionId(published[0]));

            // 1.1.0's own region completes at once; West US still replicates, so latest there stays 1.0.0.
            Assert.Equal(new[] { "eastus" }, versions.Single(v => v.Name == "1.1.0").LatestIn);
            Assert.Equal(new[] { "westus" }, versions.Single(v => v.Name == "1.0.0").LatestIn);
        }
    }

    [Fact]
    public async Task A_version_id_lists_that_version_only()
    {
        var group = EmulatorFixture.NewGroup("ver-one");
        var published = await VersionKit.DefinitionAsync(emulator, group, 2);
        var host = new RecordingHost();

        await emulator.Engine.ListVersionsAsync(new Requests.ListVersionsRequest { ResourceId = published[0].Id }, host);

        var only = Assert.IsType<GalleryVersionInfo>(Assert.Single(host.Objects));
        Assert.Equal(("1.0.0", false), (only.Name, only.IsLatest));
    }

    [Fact]
    public async Task ListedDefinitionNotFound_names_the_definition_and_gallery()
    {
        var group = EmulatorFixture.NewGroup("ver-nodef");
        await VersionKit.DefinitionAsync(emulator, group, 1);

        var e = await Assert.ThrowsAsync<PreflightException>(() => emulator.Engine.ListVersionsAsync(
            new Requests.ListVersionsRequest { ResourceGroupName = group, GalleryName = "corp", DefinitionName = "ghost" }, new RecordingHost()));

        var refusal = e.Refusal("ListedDefinitionNotFound");
        Assert.Contains("'ghost' was not found in gallery 'corp'", refusal.Message);
        Assert.Equal(Hosting.FailureCategory.ObjectNotFound, refusal.Category);
    }

    [Fact]
    public async Task ListedVersionNotFound_names_the_missing_version_and_the_existing_ones()
    {
        var group = EmulatorFixture.NewGroup("ver-nover");
        var published = await VersionKit.DefinitionAsync(emulator, group, 2);

        var e = await Assert.ThrowsAsync<PreflightException>(() => emulator.Engine.ListVersionsAsync(
            VersionKit.List(VersionKit.DefinitionId(published[0]), "1.0.0", "9.9.9"), new RecordingHost()));

        var refusal = e.Refusal("ListedVersionNotFound");
        Assert.Contains("no version '9.9.9'; its versions: 1.0.1, 1.0.0", refusal.Message);
        Assert.EndsWith("/versions/9.9.9", refusal.TargetId);
    }
}
