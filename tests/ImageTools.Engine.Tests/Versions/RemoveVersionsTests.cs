using ImageTools.Engine.Hosting;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Rules;
using ImageTools.Engine.Tests.Deploy;
using ImageTools.Engine.Tests.Infrastructure;
using ImageTools.Models;

namespace ImageTools.Engine.Tests.Versions;

/// <summary>
/// Remove-GalleryVersion's engine: retention (-KeepLatest) keeps the newest N, the version `latest`
/// resolves to and those a VM or scale set was built from; versions named are refused when they are
/// the latest or in use (-Force removes one in use); every removal is an irreversible plan step.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class RemoveVersionsTests(EmulatorFixture emulator)
{
    private async Task<string[]> RemainingAsync(string definitionId) =>
        (await VersionKit.ListAsync(emulator, definitionId)).Select(v => v.Name).ToArray();

    /// <summary>Five versions; a VM built from the definition when 1.0.0 was its latest; 1.0.3 and 1.0.4 excluded from latest (a canary ring).</summary>
    private async Task<(string Group, string DefinitionId, List<GalleryVersionInfo> Versions)> FiveAsync(string purpose)
    {
        var group = EmulatorFixture.NewGroup(purpose);
        var first = await VersionKit.DefinitionAsync(emulator, group, 1);
        var definitionId = VersionKit.DefinitionId(first[0]);
        await DeployKit.DeployAsync(emulator, DeployKit.Request(group, definitionId, "old"));
        var source = first[0].SourceId;
        var versions = new List<GalleryVersionInfo>(first);
        foreach (var name in new[] { "1.0.1", "1.0.2", "1.0.3", "1.0.4" })
            versions.Add(await Publish.PublishKit.PublishAsync(emulator, Publish.PublishKit.Request(group, source, name,
                r => r.ExcludeFromLatest = name is "1.0.3" or "1.0.4")));
        return (group, definitionId, versions);
    }

    [Fact]
    public async Task Five_versions_pruned_to_three_keep_the_latest_and_the_one_a_VM_was_built_from()
    {
        var (group, definitionId, _) = await FiveAsync("rm-prune");
        var host = new RecordingHost();
        var mark = await emulator.MarkAsync();

        await emulator.Engine.RemoveVersionsAsync(VersionKit.Remove(definitionId, r => r.KeepLatest = 3), host);

        Assert.Equal(new[] { "1.0.4", "1.0.3", "1.0.2", "1.0.0" }, await RemainingAsync(definitionId));
        var step = Assert.Single(host.HighImpactCalls);
        Assert.EndsWith("/versions/1.0.1", step.Target);
        Assert.Contains(host.Verbose, v => v.Contains("Keeping '1.0.0': built from it: VM 'old'"));
        var deletes = (await emulator.AllWritesAsync(mark)).Select(w => w.Method + " " + w.Path[(w.Path.LastIndexOf('/') + 1)..]).ToList();
        Assert.Equal(new[] { "DELETE 1.0.1" }, deletes);
    }

    [Fact]
    public async Task Keeping_one_still_keeps_the_latest_and_the_one_in_use()
    {
        var (_, definitionId, _) = await FiveAsync("rm-keep1");
        var host = new RecordingHost();

        await emulator.Engine.RemoveVersionsAsync(VersionKit.Remove(definitionId, r => r.KeepLatest = 1), host);

        Assert.Equal(new[] { "1.0.4", "1.0.2", "1.0.0" }, await RemainingAsync(definitionId));
        Assert.Contains(host.Verbose, v => v.Contains("Keeping '1.0.2': 'latest' resolves to it in eastus"));
        Assert.Equal(new[] { "1.0.3", "1.0.1" }, host.HighImpactCalls.Select(c => c.Target[(c.Target.LastIndexOf('/') + 1)..]).ToArray());
    }

    [Fact]
    public async Task WhatIf_lists_exactly_what_would_go_and_writes_nothing()
    {
        var (group, definitionId, _) = await FiveAsync("rm-whatif");
        var host = new RecordingHost { IsWhatIf = true };
        var mark = await emulator.MarkAsync();

        await emulator.Engine.RemoveVersionsAsync(VersionKit.Remove(definitionId, r => r.KeepLatest = 1), host);

        Assert.Equal(new[] { "Remove image version '1.0.3'", "Remove image version '1.0.1'" },
            host.ShouldProcessCalls.Select(c => c.Action[..c.Action.IndexOf(" (", StringComparison.Ordinal)]).ToArray());
        Assert.All(host.ShouldProcessCalls, c => Assert.Contains("in East US", c.Action));
        await emulator.AssertNoWritesAsync(group, mark);
    }

    [Fact]
    public async Task With_Force_retention_also_removes_a_version_in_use_with_a_warning()
    {
        var (_, definitionId, _) = await FiveAsync("rm-force");
        var host = new RecordingHost();

        await emulator.Engine.RemoveVersionsAsync(VersionKit.Remove(definitionId, r => { r.KeepLatest = 3; r.Force = true; }), host);

        Assert.Equal(new[] { "1.0.4", "1.0.3", "1.0.2" }, await RemainingAsync(definitionId));
        Assert.Contains(host.Warnings, w => w.Contains("'1.0.0' by VM 'old'"));
    }

    [Fact]
    public async Task VersionInUse_refuses_a_named_version_a_VM_was_built_from_by_its_id()
    {
        var group = EmulatorFixture.NewGroup("rm-inuse");
        var versions = await VersionKit.DefinitionAsync(emulator, group, 2);
        await DeployKit.DeployAsync(emulator, DeployKit.Request(group, versions[0].Id, "pinned"));
        var mark = await emulator.MarkAsync();

        var e = await Assert.ThrowsAsync<PreflightException>(() => emulator.Engine.RemoveVersionsAsync(VersionKit.Remove(versions[0].Id), new RecordingHost()));

        var refusal = e.Refusal("VersionInUse");
        Assert.Contains("'1.0.0' by VM 'pinned'", refusal.Message);
        Assert.Contains("-Force", refusal.Remedy);
        await emulator.AssertNoWritesAsync(group, mark);
        Assert.Equal(new[] { "1.0.1", "1.0.0" }, await RemainingAsync(VersionKit.DefinitionId(versions[0])));
    }

    [Fact]
    public async Task VersionIsLatest_refuses_the_latest_even_with_Force()
    {
        var group = EmulatorFixture.NewGroup("rm-latest");
        var versions = await VersionKit.DefinitionAsync(emulator, group, 2);
        var mark = await emulator.MarkAsync();

        var e = await Assert.ThrowsAsync<PreflightException>(() => emulator.Engine.RemoveVersionsAsync(
            VersionKit.Remove(versions[1].Id, r => r.Force = true), new RecordingHost()));

        var refusal = e.Refusal("VersionIsLatest");
        Assert.Contains("'1.0.1' is what 'web' latest resolves to in eastus", refusal.Message);
        Assert.Contains("Update-GalleryVersion -Name 1.0.1 -ExcludeFromLatest", refusal.Remedy);
        await emulator.AssertNoWritesAsync(group, mark);
    }

    [Fact]
    public async Task A_named_version_not_in_use_goes_and_a_rerun_is_NothingToRemove()
    {
        var group = EmulatorFixture.NewGroup("rm-named");
        var versions = await VersionKit.DefinitionAsync(emulator, group, 2);
        await emulator.Engine.RemoveVersionsAsync(VersionKit.Remove(versions[0].Id), new RecordingHost());
        Assert.Equal(new[] { "1.0.1" }, await RemainingAsync(VersionKit.DefinitionId(versions[0])));
        var host = new RecordingHost();
        var mark = await emulator.MarkAsync();

        await emulator.Engine.RemoveVersionsAsync(VersionKit.Remove(versions[0].Id), host);

        Assert.Contains(host.Verbose, v => v.Contains("Nothing to remove from 'web': '1.0.0' not there (already removed, or never published)"));
        await emulator.AssertNoWritesAsync(group, mark);
    }

    [Fact]
    public async Task RemovedVersionNotFound_warns_about_a_version_already_gone_and_the_others_go()
    {
        var group = EmulatorFixture.NewGroup("rm-gone");
        var versions = await VersionKit.DefinitionAsync(emulator, group, 3);
        await emulator.Engine.RemoveVersionsAsync(VersionKit.Remove(versions[0].Id), new RecordingHost());
        var host = new RecordingHost();

        await emulator.Engine.RemoveVersionsAsync(VersionKit.Remove(VersionKit.DefinitionId(versions[0]), r => r.Versions = ["1.0.0", "1.0.1"]), host);

        Assert.Contains(host.Warnings, w => w.Contains("has no version '1.0.0': already removed, or never published"));
        Assert.Equal(new[] { "1.0.2" }, await RemainingAsync(VersionKit.DefinitionId(versions[0])));
    }

    [Fact]
    public async Task RemovedDefinitionNotFound_is_refused()
    {
        var group = EmulatorFixture.NewGroup("rm-nodef");
        await VersionKit.DefinitionAsync(emulator, group, 1);
        var e = await Assert.ThrowsAsync<PreflightException>(() => emulator.Engine.RemoveVersionsAsync(
            new RemoveVersionsRequest { ResourceGroupName = group, GalleryName = "corp", DefinitionName = "ghost", KeepLatest = 1 }, new RecordingHost()));
        Assert.Equal(FailureCategory.ObjectNotFound, e.Refusal("RemovedDefinitionNotFound").Category);
    }

    [Fact]
    public async Task Nothing_named_and_a_negative_KeepLatest_are_refused_before_any_request()
    {
        var definitionId = $"/subscriptions/{emulator.SubscriptionId}/resourceGroups/none/providers/Microsoft.Compute/galleries/g/images/d";
        var mark = await emulator.MarkAsync();
        var none = await Assert.ThrowsAsync<ImageToolsException>(() => emulator.Engine.RemoveVersionsAsync(VersionKit.Remove(definitionId), new RecordingHost()));
        Assert.Equal(ErrorIds.MissingResource, none.RuleId);
        var negative = await Assert.ThrowsAsync<ImageToolsException>(() => emulator.Engine.RemoveVersionsAsync(
            VersionKit.Remove(definitionId, r => r.KeepLatest = -1), new RecordingHost()));
        Assert.Equal(ErrorIds.KeepLatestOutOfRange, negative.RuleId);
        Assert.DoesNotContain(await emulator.Control.GetRequestsAsync(), r => r.Sequence > mark && r.Path.Contains("/resourceGroups/none/", StringComparison.OrdinalIgnoreCase));
    }
}
