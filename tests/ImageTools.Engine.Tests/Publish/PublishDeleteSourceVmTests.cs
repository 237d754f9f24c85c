using ImageTools.Engine.Rules;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Publish;

/// <summary>
/// Publish -DeleteSourceVm in the engine: the source VM and what it owned go only after the
/// replication wait, the version says so (SourceDeleted); PublishDeleteSourceNotVm and
/// PublishDeleteSourceNoWait refuse before any write.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class PublishDeleteSourceVmTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task The_source_vm_is_deleted_with_its_disks_after_the_version_replicated()
    {
        var group = EmulatorFixture.NewGroup("pubdel");
        var vmId = await PublishKit.GeneralizedVmAsync(emulator, group, "gold");
        var host = new RecordingHost();

        var version = await PublishKit.PublishAsync(emulator, PublishKit.Request(group, vmId, configure: r => r.DeleteSourceVm = true), host);

        Assert.True(version.SourceDeleted);
        Assert.Equal("Succeeded", version.ProvisioningState);
        Assert.Contains(host.Verbose, v => v.StartsWith("Deleted VM 'gold' and", StringComparison.Ordinal));
        var deletes = (await emulator.WritesAsync(group)).Where(w => w.Method == "DELETE").Select(w => w.Path).ToList();
        Assert.Contains(deletes, p => p.EndsWith("/virtualMachines/gold", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(deletes, p => p.Contains("/disks/", StringComparison.OrdinalIgnoreCase));
        // After: every delete follows the last read of the version's replication.
        var log = (await emulator.Control.GetRequestsAsync()).Where(r => r.Path.Contains($"/resourceGroups/{group}/", StringComparison.OrdinalIgnoreCase)).ToList();
        var lastReplicationRead = log.Where(r => r.Method == "GET" && r.Path.Contains("/versions/", StringComparison.Ordinal) && (r.Query ?? "").Contains("ReplicationStatus", StringComparison.OrdinalIgnoreCase)).Max(r => r.Sequence);
        Assert.All(log.Where(r => r.Method == "DELETE"), d => Assert.True(d.Sequence > lastReplicationRead, $"DELETE {d.Path} before the replication was read Completed"));
    }

    [Fact]
    public async Task PublishSourceNotFound_a_rerun_after_the_source_vm_was_deleted_returns_the_version_without_a_write()
    {
        var group = EmulatorFixture.NewGroup("pubdel-rerun");
        var vmId = await PublishKit.GeneralizedVmAsync(emulator, group, "gold");
        var request = PublishKit.Request(group, vmId, version: "auto", configure: r => r.DeleteSourceVm = true);
        var first = await PublishKit.PublishAsync(emulator, request);
        var before = await PublishKit.WriteCountAsync(emulator, group);

        var again = await PublishKit.PublishAsync(emulator, PublishKit.Request(group, vmId, version: "auto", configure: r => r.DeleteSourceVm = true));

        Assert.Equal((first.Id, true), (again.Id, again.SourceDeleted));
        Assert.Equal(before, await PublishKit.WriteCountAsync(emulator, group));
        // Without -DeleteSourceVm a missing source is still refused.
        var error = await Assert.ThrowsAsync<PreflightException>(() => emulator.Engine.PublishAsync(PublishKit.Request(group, vmId, version: "auto"), new RecordingHost()));
        Assert.Equal("PublishSourceNotFound", error.RuleId);
    }

    [Fact]
    public async Task PublishDeleteSourceNotVm_an_image_source_is_refused_before_any_write()
    {
        var group = EmulatorFixture.NewGroup("pubdel-img");
        var imageId = await PublishKit.ImageAsync(emulator, group, "img");
        var before = await PublishKit.WriteCountAsync(emulator, group);

        var error = await Assert.ThrowsAsync<PreflightException>(() =>
            emulator.Engine.PublishAsync(PublishKit.Request(group, imageId, configure: r => r.DeleteSourceVm = true), new RecordingHost()));

        Assert.Equal("PublishDeleteSourceNotVm", error.RuleId);
        Assert.Contains("the source 'img' is a managed image", error.Message);
        Assert.Equal(before, await PublishKit.WriteCountAsync(emulator, group));
    }

    [Fact]
    public async Task PublishDeleteSourceNoWait_NoWait_with_DeleteSourceVm_is_refused_before_any_write()
    {
        var group = EmulatorFixture.NewGroup("pubdel-nowait");
        var vmId = await PublishKit.GeneralizedVmAsync(emulator, group, "gold");
        var before = await PublishKit.WriteCountAsync(emulator, group);

        var error = await Assert.ThrowsAsync<PreflightException>(() =>
            emulator.Engine.PublishAsync(PublishKit.Request(group, vmId, configure: r => { r.DeleteSourceVm = true; r.NoWait = true; }), new RecordingHost()));

        Assert.Equal("PublishDeleteSourceNoWait", error.RuleId);
        Assert.Contains("-NoWait", error.Remedy);
        Assert.Equal(before, await PublishKit.WriteCountAsync(emulator, group));
    }
}
