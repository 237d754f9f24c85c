using ImageTools.Engine.Requests;
using ImageTools.Engine.Tests.Infrastructure;
using ImageTools.Models;

namespace ImageTools.Engine.Tests.Operations;

/// <summary>Get-ImageToolsSnapshot's filters over the snapshots of a group: only ImageTools' own, by VM, age and retention.</summary>
[Collection(EmulatorCollection.Name)]
public class SnapshotCleanupTests(EmulatorFixture emulator)
{
    private async Task<List<SnapshotInfo>> ListAsync(SnapshotQueryRequest request, bool whatIf = false)
    {
        var host = new RecordingHost { IsWhatIf = whatIf };
        await emulator.Engine.ListSnapshotsAsync(request, host);
        return host.Objects.OfType<SnapshotInfo>().ToList();
    }

    [Fact]
    public async Task Only_ImageTools_snapshots_are_listed_and_filtered_by_VM_age_and_retention()
    {
        var group = EmulatorFixture.NewGroup("snap-list");
        var a = await emulator.SeedVmAsync(group, "base01");
        var b = await emulator.SeedVmAsync(group, "base02");
        await emulator.SnapshotAsync(group, "base01-os-pregeneralize", a.OsDiskId, ("imagetools-snapshot-of", "base01"),
            ("imagetools-retain-until", SnapshotKit.Utc(DateTime.UtcNow.AddDays(-1))));
        await emulator.SnapshotAsync(group, "base02-os-pregeneralize", b.OsDiskId, ("imagetools-snapshot-of", "base02"),
            ("imagetools-retain-until", SnapshotKit.Utc(DateTime.UtcNow.AddDays(30))));
        await emulator.SnapshotAsync(group, "base02-clone-os-source", b.OsDiskId, ("imagetools-clone-of", b.Id));
        await emulator.SnapshotAsync(group, "nightly", a.OsDiskId, ("owner", "backup-team"));
        var mark = await emulator.MarkAsync();

        var all = await ListAsync(new SnapshotQueryRequest { ResourceGroupName = group });
        Assert.Equal(new[] { "base01-os-pregeneralize", "base02-clone-os-source", "base02-os-pregeneralize" }, all.Select(s => s.Name).OrderBy(n => n));
        Assert.Equal("CloneSource", all.Single(s => s.Name == "base02-clone-os-source").Kind);
        Assert.Equal("base02", all.Single(s => s.Name == "base02-clone-os-source").VmName);

        var expired = Assert.Single(await ListAsync(new SnapshotQueryRequest { ResourceGroupName = group, Expired = true }));
        Assert.Equal(("base01-os-pregeneralize", "PreGeneralize", true), (expired.Name, expired.Kind, expired.Expired));
        Assert.Equal(2, (await ListAsync(new SnapshotQueryRequest { ResourceGroupName = group, VmName = "BASE02" })).Count);
        Assert.Empty(await ListAsync(new SnapshotQueryRequest { ResourceGroupName = group, OlderThan = TimeSpan.FromDays(1) }));
        Assert.Equal(3, (await ListAsync(new SnapshotQueryRequest { ResourceGroupName = group }, whatIf: true)).Count);
        await emulator.AssertNoWritesAsync(group, mark);
    }

    [Fact]
    public async Task A_non_positive_age_is_refused_before_any_request()
    {
        var mark = await emulator.MarkAsync();
        var e = await Assert.ThrowsAsync<Hosting.ImageToolsException>(() => ListAsync(new SnapshotQueryRequest { OlderThan = TimeSpan.Zero }));
        Assert.Equal("InvalidAge", e.RuleId);
        Assert.Empty(await emulator.Control.GetRequestsAsync().ContinueWith(t => t.Result.Where(r => r.Sequence > mark).ToList()));
    }
}
