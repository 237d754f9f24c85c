using ImageTools.Emulator.Control;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Rules;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Tests.Infrastructure;
using ImageTools.Models;

namespace ImageTools.Engine.Tests.Publish;

/// <summary>Publish-GalleryVersion end to end against the emulator through the real SDK.</summary>
[Collection(EmulatorCollection.Name)]
public class PublishTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_managed_image_is_published_creating_gallery_and_definition_from_the_source_and_waiting_for_every_region()
    {
        var group = EmulatorFixture.NewGroup("pub-image");
        var imageId = await PublishKit.ImageAsync(emulator, group, "web-image");
        var host = new RecordingHost();

        var version = await PublishKit.PublishAsync(emulator,
            PublishKit.Request(group, imageId, configure: r => r.TargetRegions = [new TargetRegionRequest { Name = "westeurope", ReplicaCount = 2 }]), host);

        Assert.Equal("1.0.0", version.Name);
        Assert.Equal("Succeeded", version.ProvisioningState);
        Assert.Equal("Completed", version.ReplicationState);
        Assert.Equal(imageId, version.SourceId, ignoreCase: true);
        Assert.Equal(("Windows", "Generalized", "V2", "Standard"), (version.OsType, version.OsState, version.HyperVGeneration, version.SecurityType));
        Assert.Equal(2, version.TargetRegions.Length);
        Assert.All(version.TargetRegions, r => Assert.Equal("Completed", r.State));
        Assert.Contains(version.TargetRegions, r => RegionNames.Same(r.Name, "westeurope") && r.ReplicaCount == 2);
        Assert.Contains(version.TargetRegions, r => RegionNames.Same(r.Name, "eastus"));
        Assert.Contains(host.Verbose, v => v.Contains("added the source's region 'eastus'"));
        // Each region's progress carries the verbose line a reader without progress bars gets.
        Assert.Contains(host.Progress, p => p.Line != null && p.Line.Contains("to 'West Europe'"));
        Assert.Contains(host.Verbose, v => v.Contains("to 'West Europe'") && v.Contains("Completed"));
        Assert.Same(version, Assert.Single(host.Objects));

        var writes = (await emulator.WritesAsync(group)).Where(w => w.Path.Contains("/galleries/")).Select(w => w.Method + " " + w.Path[(w.Path.IndexOf("/galleries/") + 1)..]).ToList();
        Assert.Equal(["PUT galleries/corp", "PUT galleries/corp/images/web", "PUT galleries/corp/images/web/versions/1.0.0"], writes);
    }

    [Fact]
    public async Task A_trusted_launch_vm_is_published_straight_into_a_trusted_launch_definition()
    {
        var group = EmulatorFixture.NewGroup("pub-tl");
        var vmId = await PublishKit.GeneralizedVmAsync(emulator, group, "tl01", security: "TrustedLaunch");

        var version = await PublishKit.PublishAsync(emulator, PublishKit.Request(group, vmId));

        Assert.Equal("TrustedLaunch", version.SecurityType);
        Assert.Equal("V2", version.HyperVGeneration);
        Assert.Equal("Completed", version.ReplicationState);
        Assert.Equal(vmId, version.SourceId, ignoreCase: true);
    }

    [Fact]
    public async Task Replication_is_followed_with_one_progress_bar_per_region_until_both_read_completed()
    {
        var group = EmulatorFixture.NewGroup("pub-progress");
        var imageId = await PublishKit.ImageAsync(emulator, group, "img");
        await using var replication = await PublishKit.ReplicationAsync(emulator, new ReplicationSettings { SecondsPerRegion = 1.5 });
        var engine = await PublishKit.EngineAsync(emulator, 100);
        var host = new RecordingHost();

        var version = await engine.PublishAsync(PublishKit.Request(group, imageId, configure: r => r.TargetRegions = PublishKit.Regions("westeurope", "westus2")), host);

        Assert.Equal("Completed", version!.ReplicationState);
        var bars = host.Progress.Where(p => p.Activity.StartsWith("Replicating")).ToList();
        var perRegion = bars.Where(b => !b.Completed).GroupBy(b => b.ActivityId).ToList();
        Assert.Equal(3, perRegion.Count); // eastus (added), westeurope, westus2
        Assert.All(perRegion, g => Assert.Single(g.Select(b => b.Activity).Distinct()));
        Assert.Contains(bars, b => b.Activity.Contains("West Europe") && b.Status == "Replicating" && b.PercentComplete < 100);
        Assert.Contains(bars, b => b.Activity.Contains("West Europe") && b.Status == "Completed" && b.PercentComplete == 100);
        Assert.Equal(3, bars.Count(b => b.Completed));
        var polls = (await emulator.RequestsAsync(group)).Count(r => r.Method == "GET" && r.Path.EndsWith("/versions/1.0.0") && r.Query.Contains("ReplicationStatus"));
        Assert.True(polls >= 2, $"expected several replication polls, saw {polls}");
    }

    [Fact]
    public async Task A_failed_region_fails_the_call_naming_the_region_and_the_details()
    {
        var group = EmulatorFixture.NewGroup("pub-fail");
        var imageId = await PublishKit.ImageAsync(emulator, group, "img");
        await using var replication = await PublishKit.ReplicationAsync(emulator,
            new ReplicationSettings { FailRegions = { ["westus2"] = "Replication failed: storage quota exceeded in westus2." } });

        var error = await Assert.ThrowsAsync<ImageToolsException>(() => emulator.Engine.PublishAsync(
            PublishKit.Request(group, imageId, configure: r => r.TargetRegions = PublishKit.Regions("westeurope", "westus2")), new RecordingHost()));

        Assert.Equal("GalleryReplicationFailed", error.RuleId);
        Assert.Contains("westus2", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("storage quota exceeded", error.Message);
        Assert.DoesNotContain("'westeurope':", error.Message);
        Assert.Contains("Completed in:", error.Message);
    }

    [Fact]
    public async Task NoWait_returns_once_the_version_is_accepted_while_regions_still_replicate()
    {
        var group = EmulatorFixture.NewGroup("pub-nowait");
        var imageId = await PublishKit.ImageAsync(emulator, group, "img");
        await using var replication = await PublishKit.ReplicationAsync(emulator, new ReplicationSettings { SecondsPerRegion = 600 });

        var version = await PublishKit.PublishAsync(emulator,
            PublishKit.Request(group, imageId, configure: r => { r.NoWait = true; r.TargetRegions = PublishKit.Regions("westeurope"); }));

        Assert.Equal("InProgress", version.ReplicationState);
        Assert.Contains(version.TargetRegions, r => RegionNames.Same(r.Name, "westeurope") && r.State == "Replicating");
    }

    [Fact]
    public async Task A_replication_that_outlasts_the_timeout_stops_naming_the_step_and_how_to_resume()
    {
        var group = EmulatorFixture.NewGroup("pub-timeout");
        var imageId = await PublishKit.ImageAsync(emulator, group, "img");
        await using var replication = await PublishKit.ReplicationAsync(emulator, new ReplicationSettings { SecondsPerRegion = 600 });

        var error = await Assert.ThrowsAsync<ImageToolsException>(() => emulator.Engine.PublishAsync(
            PublishKit.Request(group, imageId, configure: r => { r.TargetRegions = PublishKit.Regions("westeurope"); r.ReplicationTimeout = TimeSpan.FromSeconds(2); }),
            new RecordingHost()));

        Assert.Equal("GalleryReplicationTimedOut", error.RuleId);
        Assert.Equal(FailureCategory.OperationTimeout, error.Category);
        Assert.StartsWith("Version '1.0.0' of 'corp/web' exists, but its replication did not finish within -ReplicationTimeout 2 s", error.Message);
        Assert.Contains("rerun the same command", error.Remedy, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Ctrl_C_during_replication_says_which_step_stopped_and_that_a_rerun_resumes()
    {
        var group = EmulatorFixture.NewGroup("pub-cancel");
        var imageId = await PublishKit.ImageAsync(emulator, group, "img");
        await using var replication = await PublishKit.ReplicationAsync(emulator, new ReplicationSettings { SecondsPerRegion = 600 });
        RecordingHost host = null!;
        host = new RecordingHost { OnVerbose = m => { if (m.Contains("to 'West Europe'")) host.Cancel(); } };

        var error = await Assert.ThrowsAsync<ImageToolsException>(() => emulator.Engine.PublishAsync(
            PublishKit.Request(group, imageId, configure: r => r.TargetRegions = PublishKit.Regions("westeurope")), host));

        Assert.Equal("OperationStopped", error.RuleId);
        Assert.Contains("replicating version '1.0.0'", error.Message);
        Assert.Contains("Rerun the same command to resume", error.Remedy);
    }

    [Fact]
    public async Task Auto_takes_the_next_patch_returns_the_version_already_made_from_the_source_and_refuses_int32_overflow()
    {
        var group = EmulatorFixture.NewGroup("pub-auto");
        var first = await PublishKit.ImageAsync(emulator, group, "img-a");
        var second = await PublishKit.ImageAsync(emulator, group, "img-b");
        var third = await PublishKit.ImageAsync(emulator, group, "img-c");

        var v1 = await PublishKit.PublishAsync(emulator, PublishKit.Request(group, first, "auto"));
        var v2 = await PublishKit.PublishAsync(emulator, PublishKit.Request(group, second, "auto"));
        Assert.Equal(("1.0.0", "1.0.1"), (v1.Name, v2.Name));

        var before = await PublishKit.WriteCountAsync(emulator, group);
        var again = await PublishKit.PublishAsync(emulator, PublishKit.Request(group, first, "auto"));
        Assert.Equal(v1.Id, again.Id);
        Assert.Equal(before, await PublishKit.WriteCountAsync(emulator, group));

        await PublishKit.PublishAsync(emulator, PublishKit.Request(group, second, "1.0.2147483647"));
        before = await PublishKit.WriteCountAsync(emulator, group);
        var error = await Assert.ThrowsAsync<PreflightException>(() => emulator.Engine.PublishAsync(PublishKit.Request(group, third, "auto"), new RecordingHost()));
        Assert.Equal("GalleryVersionAutoOverflow", error.RuleId);
        Assert.Contains("1.0.2147483647", error.Message);
        Assert.Equal(before, await PublishKit.WriteCountAsync(emulator, group));
    }

    [Fact]
    public async Task GalleryVersionAlreadyPublished_a_rerun_returns_the_existing_version_without_writing_and_another_source_under_that_version_is_refused()
    {
        var group = EmulatorFixture.NewGroup("pub-rerun");
        var imageId = await PublishKit.ImageAsync(emulator, group, "img-a");
        var otherId = await PublishKit.ImageAsync(emulator, group, "img-b");
        var first = await PublishKit.PublishAsync(emulator, PublishKit.Request(group, imageId));
        var before = await PublishKit.WriteCountAsync(emulator, group);
        var host = new RecordingHost();

        var again = await PublishKit.PublishAsync(emulator, PublishKit.Request(group, imageId), host);

        Assert.Equal(first.Id, again.Id);
        Assert.Equal("Completed", again.ReplicationState);
        Assert.Contains(host.Verbose, v => v.Contains("already exists from 'img-a'"));
        Assert.Equal(before, await PublishKit.WriteCountAsync(emulator, group));

        var error = await Assert.ThrowsAsync<PreflightException>(() => emulator.Engine.PublishAsync(PublishKit.Request(group, otherId), new RecordingHost()));
        Assert.Equal("GalleryVersionExists", error.RuleId);
        Assert.Contains("img-a", error.Message);
        Assert.Equal(before, await PublishKit.WriteCountAsync(emulator, group));
    }

    [Fact]
    public async Task A_source_that_does_not_fit_the_existing_definition_is_refused_naming_both_values_before_any_write()
    {
        var group = EmulatorFixture.NewGroup("pub-mismatch");
        var gen2Image = await PublishKit.ImageAsync(emulator, group, "gen2");
        var gen1Image = await PublishKit.ImageAsync(emulator, group, "gen1", generation: "V1");
        var running = await emulator.SeedVmAsync(group, "live01");
        var trusted = await PublishKit.GeneralizedVmAsync(emulator, group, "tl01", security: "TrustedLaunch");
        await PublishKit.PublishAsync(emulator, PublishKit.Request(group, gen2Image));
        var before = await PublishKit.WriteCountAsync(emulator, group);

        async Task<PreflightException> Refused(string source) =>
            await Assert.ThrowsAsync<PreflightException>(() => emulator.Engine.PublishAsync(PublishKit.Request(group, source, "2.0.0"), new RecordingHost()));

        var generation = await Refused(gen1Image);
        Assert.Equal("GalleryDefinitionHyperVGenerationMismatch", generation.RuleId);
        Assert.Contains("Hyper-V generation V2", generation.Message);
        Assert.Contains("Hyper-V generation V1", generation.Message);

        var state = await Refused(running.Id);
        Assert.Equal("GalleryDefinitionOsStateMismatch", state.RuleId);
        Assert.Contains("OS state Generalized", state.Message);
        Assert.Contains("OS state Specialized", state.Message);

        var security = await Refused(trusted);
        Assert.Equal("GalleryDefinitionSecurityTypeMismatch", security.RuleId);
        Assert.Contains("security type Standard", security.Message);
        Assert.Contains("security type TrustedLaunch", security.Message);

        Assert.Equal(before, await PublishKit.WriteCountAsync(emulator, group));
    }

    [Fact]
    public async Task WhatIf_shows_the_plan_and_every_finding_with_zero_writes()
    {
        var group = EmulatorFixture.NewGroup("pub-whatif");
        var imageId = await PublishKit.ImageAsync(emulator, group, "img");
        var before = await PublishKit.WriteCountAsync(emulator, group);
        var host = new RecordingHost { IsWhatIf = true };

        var result = await emulator.Engine.PublishAsync(PublishKit.Request(group, imageId, configure: r => r.TargetRegions = PublishKit.Regions("westeurope=0", "westeurope")), host);

        Assert.Null(result);
        Assert.Equal(3, host.ShouldProcessCalls.Count);
        Assert.Contains(host.ShouldProcessCalls, c => c.Action.StartsWith("Create gallery 'corp'"));
        Assert.Contains(host.ShouldProcessCalls, c => c.Action.StartsWith("Create image definition 'web' (Windows, Generalized, V2, Standard"));
        Assert.Contains(host.ShouldProcessCalls, c => c.Action.StartsWith("Create image version '1.0.0'"));
        Assert.Equal(["TargetRegionDuplicate", "TargetRegionReplicaCountOutOfRange"], host.Errors.Select(e => e.RuleId).ToArray());
        Assert.Equal(before, await PublishKit.WriteCountAsync(emulator, group));
    }

    [Fact]
    public async Task A_rerun_after_NoWait_recognises_the_version_and_waits_for_its_replication_without_writing()
    {
        var group = EmulatorFixture.NewGroup("pub-resume");
        var imageId = await PublishKit.ImageAsync(emulator, group, "img");
        await using var replication = await PublishKit.ReplicationAsync(emulator, new ReplicationSettings { SecondsPerRegion = 1 });
        var engine = await PublishKit.EngineAsync(emulator, 100);
        var accepted = await engine.PublishAsync(PublishKit.Request(group, imageId, "auto", r => { r.NoWait = true; r.TargetRegions = PublishKit.Regions("westeurope"); }), new RecordingHost());
        Assert.Equal("InProgress", accepted!.ReplicationState);
        var before = await PublishKit.WriteCountAsync(emulator, group);

        var finished = await engine.PublishAsync(PublishKit.Request(group, imageId, "auto", r => r.TargetRegions = PublishKit.Regions("westeurope")), new RecordingHost());

        Assert.Equal(accepted.Id, finished!.Id);
        Assert.Equal("Completed", finished.ReplicationState);
        Assert.Equal(before, await PublishKit.WriteCountAsync(emulator, group));
    }

    [Fact]
    public async Task Exclude_from_latest_end_of_life_and_regional_settings_reach_the_version()
    {
        var group = EmulatorFixture.NewGroup("pub-settings");
        var imageId = await PublishKit.ImageAsync(emulator, group, "img");
        var endOfLife = DateTimeOffset.UtcNow.AddYears(1);
        var westeuropeRequest = new TargetRegionRequest { Name = "westeurope", ReplicaCount = 3, StorageAccountType = "standard_zrs", ExcludeFromLatest = true };

        var version = await PublishKit.PublishAsync(emulator, PublishKit.Request(group, imageId, configure: r =>
        {
            r.TargetRegions = [westeuropeRequest, new TargetRegionRequest { Name = "eastus", ReplicaCount = 2 }];
            r.ExcludeFromLatest = true;
            r.EndOfLifeDate = endOfLife;
            r.Tags["team"] = "web";
        }));

        Assert.True(version.ExcludeFromLatest);
        Assert.Equal(endOfLife.UtcDateTime, DateTimeOffset.Parse(version.EndOfLifeDate).UtcDateTime, TimeSpan.FromSeconds(1));
        Assert.Equal("web", version.Tags["team"]);
        var westeurope = Assert.Single(version.TargetRegions, r => RegionNames.Same(r.Name, "westeurope"));
        Assert.Equal((3, "Standard_ZRS", true), (westeurope.ReplicaCount, westeurope.StorageAccountType, westeurope.ExcludeFromLatest));
        var eastus = Assert.Single(version.TargetRegions, r => RegionNames.Same(r.Name, "eastus"));
        Assert.Equal(2, eastus.ReplicaCount);
    }
}
