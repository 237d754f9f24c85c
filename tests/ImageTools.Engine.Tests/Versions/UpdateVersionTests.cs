using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Rules;
using ImageTools.Engine.Tests.Infrastructure;
using ImageTools.Engine.Tests.Publish;
using ImageTools.Models;

namespace ImageTools.Engine.Tests.Versions;

/// <summary>Update-GalleryVersion's engine: one PATCH, replication awaited per region, every refusal before any write.</summary>
[Collection(EmulatorCollection.Name)]
public class UpdateVersionTests(EmulatorFixture emulator)
{
    private static TargetRegionRequest Region(string name, int? count = null, string? storage = null) =>
        new() { Name = name, ReplicaCount = count, StorageAccountType = storage };

    private async Task<(string Group, GalleryVersionInfo Version)> PublishedAsync(string purpose, params string[] regions)
    {
        var group = EmulatorFixture.NewGroup(purpose);
        var published = await VersionKit.DefinitionAsync(emulator, group, 1, regions.Length == 0 ? new[] { "eastus", "westus" } : regions);
        return (group, published[0]);
    }

    private async Task<PreflightException> RefusedAsync(string group, UpdateVersionRequest request)
    {
        var mark = await emulator.MarkAsync();
        var e = await Assert.ThrowsAsync<PreflightException>(() => emulator.Engine.UpdateVersionAsync(request, new RecordingHost()));
        await emulator.AssertNoWritesAsync(group, mark);
        return e;
    }

    [Fact]
    public async Task Regions_are_added_changed_and_removed_in_one_PATCH_and_each_is_awaited_until_Completed()
    {
        var (group, version) = await PublishedAsync("upd-regions");
        var host = new RecordingHost();
        await using var slow = await PublishKit.ReplicationAsync(emulator, new Emulator.Control.ReplicationSettings { SecondsPerRegion = 0.4 });
        var polling = await PublishKit.EngineAsync(emulator, 50);
        var mark = await emulator.MarkAsync();

        var updated = await polling.UpdateVersionAsync(VersionKit.Update(version.Id, r =>
        {
            r.AddRegions = [Region("westeurope", 2), Region("eastus", 3)];
            r.RemoveRegions = ["westus"];
        }), host);

        Assert.NotNull(updated);
        Assert.Equal(new[] { ("East US", 3, "Completed"), ("West Europe", 2, "Completed") },
            updated!.TargetRegions.Select(r => (r.Name, r.ReplicaCount, r.State)).ToArray());
        Assert.Equal("Completed", updated.ReplicationState);
        Assert.True(updated.IsLatest);
        var writes = (await emulator.AllWritesAsync(mark)).Select(w => w.Method).ToList();
        Assert.Equal(new[] { "PATCH" }, writes);
        Assert.Contains(host.Progress, p => p.Line != null && p.Line.Contains("to 'West Europe': Replicating"));
        Assert.Contains(host.Verbose, v => v.Contains("to 'West Europe': Completed (100%)"));
        Assert.Contains(host.Progress, p => p.Completed && p.Activity.Contains("West Europe"));
        Assert.Same(updated, Assert.Single(host.Objects));
    }

    [Fact]
    public async Task End_of_life_and_exclude_from_latest_change_and_latest_moves()
    {
        var group = EmulatorFixture.NewGroup("upd-eol");
        var published = await VersionKit.DefinitionAsync(emulator, group, 2);
        var eol = DateTimeOffset.UtcNow.AddDays(30);

        var updated = await emulator.Engine.UpdateVersionAsync(VersionKit.Update(published[1].Id, r => { r.EndOfLifeDate = eol; r.ExcludeFromLatest = true; }),
            new RecordingHost());

        Assert.True(updated!.ExcludeFromLatest);
        Assert.False(updated.IsLatest);
        Assert.Equal(eol.ToUnixTimeSeconds(), DateTimeOffset.Parse(updated.EndOfLifeDate).ToUnixTimeSeconds());
        var listed = await VersionKit.ListAsync(emulator, VersionKit.DefinitionId(published[0]));
        Assert.Equal("1.0.0", Assert.Single(listed, v => v.IsLatest).Name);
    }

    [Fact]
    public async Task WhatIf_shows_the_one_step_and_writes_nothing()
    {
        var (group, version) = await PublishedAsync("upd-whatif");
        var host = new RecordingHost { IsWhatIf = true };
        var mark = await emulator.MarkAsync();

        await emulator.Engine.UpdateVersionAsync(VersionKit.Update(version.Id, r => { r.AddRegions = [Region("westeurope", 2)]; r.RemoveRegions = ["westus"]; }), host);

        var step = Assert.Single(host.ShouldProcessCalls);
        Assert.Equal(version.Id, step.Target, ignoreCase: true);
        Assert.Equal("Update image version '1.0.0': add westeurope=2; remove West US", step.Action);
        await emulator.AssertNoWritesAsync(group, mark);
    }

    [Fact]
    public async Task UpdateNothingToChange_a_rerun_writes_nothing_and_returns_the_version()
    {
        var (group, version) = await PublishedAsync("upd-same");
        await emulator.Engine.UpdateVersionAsync(VersionKit.Update(version.Id, r => r.AddRegions = [Region("westus", 2)]), new RecordingHost());
        var host = new RecordingHost();
        var mark = await emulator.MarkAsync();

        var again = await emulator.Engine.UpdateVersionAsync(VersionKit.Update(version.Id, r => r.AddRegions = [Region("westus", 2)]), host);

        Assert.Equal(2, again!.TargetRegions.Single(r => r.Name == "West US").ReplicaCount);
        Assert.Contains(host.Verbose, v => v.Contains("already is as asked"));
        await emulator.AssertNoWritesAsync(group, mark);
    }

    [Fact]
    public async Task UpdateRemovesSourceRegion_is_refused_before_any_write()
    {
        var (group, version) = await PublishedAsync("upd-home");
        var e = await RefusedAsync(group, VersionKit.Update(version.Id, r => r.RemoveRegions = ["East US"]));
        var refusal = e.Refusal("UpdateRemovesSourceRegion");
        Assert.Contains("'eastus' is version '1.0.0''s own location", refusal.Message);
        Assert.Contains("Remove-GalleryVersion", refusal.Remedy);
    }

    [Fact]
    public async Task UpdateEndOfLifeInPast_is_refused_before_any_write()
    {
        var (group, version) = await PublishedAsync("upd-past");
        var e = await RefusedAsync(group, VersionKit.Update(version.Id, r => r.EndOfLifeDate = DateTimeOffset.UtcNow.AddDays(-1)));
        Assert.Contains("must be in the future", e.Refusal("UpdateEndOfLifeInPast").Message);
    }

    [Fact]
    public async Task UpdateRegionUnknown_and_UpdateReplicaCountOutOfRange_and_UpdateStorageAccountTypeInvalid_are_reported_together()
    {
        var (group, version) = await PublishedAsync("upd-bad");
        var e = await RefusedAsync(group, VersionKit.Update(version.Id, r => r.AddRegions = [Region("atlantis"), Region("westeurope", 101), Region("northeurope", 1, "Ultra_LRS")]));
        Assert.Contains("'atlantis' is not a location of subscription", e.Refusal("UpdateRegionUnknown").Message);
        Assert.Contains("westeurope=101", e.Refusal("UpdateReplicaCountOutOfRange").Message);
        Assert.Contains("northeurope=Ultra_LRS", e.Refusal("UpdateStorageAccountTypeInvalid").Message);
        Assert.Equal("UpdateRegionUnknown", e.Refusals[0].RuleId);
    }

    [Fact]
    public async Task UpdateTooManyReplicas_refuses_regions_that_would_hold_more_than_100_replicas_together()
    {
        var (group, version) = await PublishedAsync("upd-many");
        var e = await RefusedAsync(group, VersionKit.Update(version.Id, r => r.AddRegions = [Region("westeurope", 60), Region("northeurope", 50)]));
        var refusal = e.Refusal("UpdateTooManyReplicas");
        Assert.Contains("would hold 112 replicas in 4 regions", refusal.Message);
        Assert.Contains("at most 100 replicas", refusal.Message);
        Assert.DoesNotContain(e.Refusals, f => f.RuleId == "UpdateReplicaCountOutOfRange");
    }

    [Fact]
    public async Task Added_regions_are_read_where_Publish_reads_them_once_per_session()
    {
        var (group, version) = await PublishedAsync("upd-offered");
        var engine = await emulator.EngineWithAsync(_ => { });
        var mark = await emulator.MarkAsync();
        await engine.UpdateVersionAsync(VersionKit.Update(version.Id, r => r.AddRegions = [Region("westeurope")]), new RecordingHost());
        await engine.UpdateVersionAsync(VersionKit.Update(version.Id, r => r.AddRegions = [Region("northeurope")]), new RecordingHost());
        var log = (await emulator.Control.GetRequestsAsync()).Where(r => r.Sequence > mark).ToList();
        // The provider's locations of galleries/images/versions, once for the session; the subscription's
        // locations are not needed when every added region is offered.
        Assert.Single(log, r => r.Path.EndsWith("/providers/Microsoft.Compute", StringComparison.Ordinal));
        Assert.DoesNotContain(log, r => r.Path.EndsWith("/locations", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UpdateRegionDuplicate_and_UpdateRegionAddedAndRemoved_are_refused()
    {
        var (group, version) = await PublishedAsync("upd-dup");
        var e = await RefusedAsync(group, VersionKit.Update(version.Id, r =>
        {
            r.AddRegions = [Region("westeurope", 1), Region("West Europe", 2), Region("westus", 2)];
            r.RemoveRegions = ["westus"];
        }));
        Assert.Contains("'westeurope' more than once", e.Refusal("UpdateRegionDuplicate").Message);
        Assert.Contains("'westus' is both added", e.Refusal("UpdateRegionAddedAndRemoved").Message);
    }

    [Fact]
    public async Task UpdatedVersionNotFound_names_the_existing_versions()
    {
        var (group, version) = await PublishedAsync("upd-missing");
        var e = await RefusedAsync(group, VersionKit.Update(version.Id.Replace("/versions/1.0.0", "/versions/2.0.0")));
        var refusal = e.Refusal("UpdatedVersionNotFound");
        Assert.Contains("Version '2.0.0' was not found: definition 'web' has the versions 1.0.0", refusal.Message);
        Assert.Equal(FailureCategory.ObjectNotFound, refusal.Category);
    }

    [Fact]
    public async Task UpdateRemovesUntargetedRegion_warns_and_the_rest_of_the_update_is_made()
    {
        var (group, version) = await PublishedAsync("upd-absent");
        var host = new RecordingHost();

        var updated = await emulator.Engine.UpdateVersionAsync(VersionKit.Update(version.Id, r => r.RemoveRegions = ["westus", "northeurope"]), host);

        Assert.Contains(host.Warnings, w => w.Contains("is not replicated to 'northeurope'"));
        Assert.Equal(new[] { "East US" }, updated!.TargetRegions.Select(r => r.Name).ToArray());
    }

    [Fact]
    public async Task A_definition_id_without_a_version_is_refused_before_any_request()
    {
        var (group, version) = await PublishedAsync("upd-single");
        var mark = await emulator.MarkAsync();
        var e = await Assert.ThrowsAsync<ImageToolsException>(() => emulator.Engine.UpdateVersionAsync(
            VersionKit.Update(VersionKit.DefinitionId(version)), new RecordingHost()));
        Assert.Equal(ErrorIds.SingleVersionRequired, e.RuleId);
        Assert.DoesNotContain(await emulator.Control.GetRequestsAsync(), r => r.Sequence > mark && r.Path.Contains($"/resourceGroups/{group}/", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_region_whose_replication_fails_fails_the_update_naming_it()
    {
        var (_, version) = await PublishedAsync("upd-fail", "eastus");
        await using var failing = await PublishKit.ReplicationAsync(emulator, new Emulator.Control.ReplicationSettings { FailRegions = { ["westeurope"] = "Quota exceeded." } });

        var e = await Assert.ThrowsAsync<ImageToolsException>(() => emulator.Engine.UpdateVersionAsync(
            VersionKit.Update(version.Id, r => r.AddRegions = [Region("westeurope")]), new RecordingHost()));

        Assert.Equal(ErrorIds.GalleryReplicationFailed, e.RuleId);
        Assert.Contains("'West Europe': Quota exceeded.", e.Message);
        Assert.Contains("Completed in: East US", e.Message);
    }
}
