using ImageTools.Emulator.Control;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Rules;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Publish;

/// <summary>The other source kinds (managed disk, another gallery version), a mismatched OS type, and a throttled replication read.</summary>
[Collection(EmulatorCollection.Name)]
public class PublishSourceKindTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_managed_disk_is_published_as_the_os_disk_image_taking_its_type_and_generation()
    {
        var group = EmulatorFixture.NewGroup("pub-disk");
        var seeded = await emulator.SeedVmAsync(group, "lin01", state: "generalized", os: "Linux", generation: "V1");

        var version = await PublishKit.PublishAsync(emulator, PublishKit.Request(group, seeded.OsDiskId, configure: r => { r.DefinitionName = "lin"; r.OsState = "Generalized"; }));

        Assert.Equal(seeded.OsDiskId, version.SourceId, ignoreCase: true);
        Assert.Equal(("Linux", "Generalized", "V1"), (version.OsType, version.OsState, version.HyperVGeneration));
        Assert.Equal("Completed", version.ReplicationState);
        var put = Assert.Single(await emulator.WritesAsync(group), w => w.Method == "PUT" && w.Path.EndsWith("/versions/1.0.0"));
        Assert.Equal(201, put.Status);
    }

    [Fact]
    public async Task Another_gallery_version_is_published_into_a_new_definition_that_takes_its_parents_values()
    {
        var group = EmulatorFixture.NewGroup("pub-copy");
        var vmId = await PublishKit.GeneralizedVmAsync(emulator, group, "tl01", security: "TrustedLaunch");
        var original = await PublishKit.PublishAsync(emulator, PublishKit.Request(group, vmId));

        var copy = await PublishKit.PublishAsync(emulator, PublishKit.Request(group, original.Id, configure: r =>
        {
            r.GalleryName = "partners";
            r.Sku = "2022-gen2-partners";
        }));

        Assert.Equal(original.Id, copy.SourceId, ignoreCase: true);
        Assert.Equal("partners", copy.GalleryName);
        Assert.Equal(("TrustedLaunch", "V2", "Generalized"), (copy.SecurityType, copy.HyperVGeneration, copy.OsState));
        Assert.Equal("Completed", copy.ReplicationState);
    }

    [Fact]
    public async Task A_linux_source_for_a_windows_definition_is_refused_naming_both_os_types()
    {
        var group = EmulatorFixture.NewGroup("pub-os");
        var windows = await PublishKit.ImageAsync(emulator, group, "win");
        var linux = await emulator.SeedVmAsync(group, "lin01", state: "generalized", os: "Linux");
        await PublishKit.PublishAsync(emulator, PublishKit.Request(group, windows));
        var before = await PublishKit.WriteCountAsync(emulator, group);

        var error = await Assert.ThrowsAsync<PreflightException>(() => emulator.Engine.PublishAsync(PublishKit.Request(group, linux.Id, "1.0.1"), new RecordingHost()));

        Assert.Equal("GalleryDefinitionOsTypeMismatch", error.RuleId);
        Assert.Contains("OS type Windows", error.Message);
        Assert.Contains("OS type Linux", error.Message);
        Assert.Equal(before, await PublishKit.WriteCountAsync(emulator, group));
    }

    [Fact]
    public async Task Throttled_replication_reads_are_retried_by_the_SDK_and_the_publish_completes()
    {
        var group = EmulatorFixture.NewGroup("pub-429");
        var imageId = await PublishKit.ImageAsync(emulator, group, "img");
        var fault = await emulator.Control.AddFaultAsync(new FaultRule
        {
            Status = 429, RetryAfterSeconds = 0, Method = "GET", Count = 2,
            PathPattern = $"/resourceGroups/{group}/.*/versions/1\\.0\\.0$",
        });
        try
        {
            var version = await PublishKit.PublishAsync(emulator, PublishKit.Request(group, imageId));

            Assert.Equal("Completed", version.ReplicationState);
            var throttled = (await emulator.RequestsAsync(group)).Count(r => r.Status == 429);
            Assert.Equal(2, throttled);
        }
        finally
        {
            await emulator.Control.ClearFaultsAsync();
        }
    }

    [Fact]
    public async Task A_pre_generalize_snapshot_creates_a_specialized_definition_without_being_told()
    {
        var group = EmulatorFixture.NewGroup("pub-snap-infer");
        await emulator.SeedVmAsync(group, "app02");
        var generalized = await emulator.Engine.GeneralizeAsync(new GeneralizeRequest
        {
            Vm = ResourceReference.FromName(group, "app02"), GuestTimeout = TimeSpan.FromSeconds(10), ShutdownTimeout = TimeSpan.FromSeconds(10),
        }, new RecordingHost());
        var snapshotId = Assert.Single(generalized!.SnapshotIds);

        var version = await PublishKit.PublishAsync(emulator, PublishKit.Request(group, snapshotId, configure: r => r.DefinitionName = "app-inferred"));

        Assert.Equal(("Windows", "Specialized", "V2"), (version.OsType, version.OsState, version.HyperVGeneration));
    }

    [Fact]
    public async Task A_snapshot_stated_as_specialized_creates_a_specialized_definition()
    {
        var group = EmulatorFixture.NewGroup("pub-snap");
        await emulator.SeedVmAsync(group, "app01");
        var generalized = await emulator.Engine.GeneralizeAsync(new GeneralizeRequest
        {
            Vm = ResourceReference.FromName(group, "app01"), GuestTimeout = TimeSpan.FromSeconds(10), ShutdownTimeout = TimeSpan.FromSeconds(10),
        }, new RecordingHost());
        var snapshotId = Assert.Single(generalized!.SnapshotIds);

        var version = await PublishKit.PublishAsync(emulator, PublishKit.Request(group, snapshotId, configure: r => { r.DefinitionName = "app-specialized"; r.OsState = "Specialized"; }));

        Assert.Equal(snapshotId, version.SourceId, ignoreCase: true);
        Assert.Equal(("Windows", "Specialized", "V2"), (version.OsType, version.OsState, version.HyperVGeneration));
        Assert.Equal("Completed", version.ReplicationState);
    }
}
