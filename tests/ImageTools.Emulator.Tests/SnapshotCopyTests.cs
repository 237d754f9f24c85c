using Azure;
using Azure.Core;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;
using Azure.ResourceManager.Resources;
using ImageTools.Emulator.Control;

namespace ImageTools.Emulator.Tests;

/// <summary>Incremental snapshot copy across regions (createOption CopyStart) through the SDK.</summary>
public sealed class SnapshotCopyTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;
    public SnapshotCopyTests(EmulatorFixture f) { _f = f; }

    private async Task<(ResourceGroupResource Rg, SnapshotResource Source, SeedVmResult Seeded)> Source(string prefix, bool incremental = true)
    {
        var rg = await _f.CreateResourceGroupAsync(_f.UniqueName("rg-copy-"));
        var seeded = await _f.Server.Control.SeedVmAsync(new SeedVmRequest { ResourceGroup = rg.Data.Name, Name = prefix + "vm", Location = "eastus" });
        var source = (await rg.GetSnapshots().CreateOrUpdateAsync(WaitUntil.Completed, prefix + "-east", new SnapshotData(new AzureLocation("eastus"))
        {
            CreationData = new DiskCreationData(DiskCreateOption.Copy) { SourceResourceId = new ResourceIdentifier(seeded.OsDiskId) },
            Incremental = incremental,
        })).Value;
        return (rg, source, seeded);
    }

    private static SnapshotData CopyStart(ResourceIdentifier sourceId, string location = "westus", bool incremental = true) => new(new AzureLocation(location))
    {
        CreationData = new DiskCreationData(DiskCreateOption.CopyStart) { SourceResourceId = sourceId },
        Incremental = incremental,
    };

    [Fact]
    public async Task CopyStart_copies_an_incremental_snapshot_to_another_region_and_reports_progress()
    {
        var (rg, source, _) = await Source("cs1");
        await _f.Server.Control.SetTimingAsync(new TimingSettings { PerKind = new() { ["snapshotCopy"] = 2 } });
        try
        {
            var copy = (await rg.GetSnapshots().CreateOrUpdateAsync(WaitUntil.Completed, "cs1-west", CopyStart(source.Id!))).Value;
            Assert.Equal("westus", copy.Data.Location.Name);
            Assert.Equal(DiskCreateOption.CopyStart, copy.Data.CreationData.CreateOption);
            Assert.Equal(source.Id!.ToString(), copy.Data.CreationData.SourceResourceId.ToString(), ignoreCase: true);
            Assert.True(copy.Data.Incremental);
            Assert.Equal("Succeeded", copy.Data.ProvisioningState);
            Assert.True(copy.Data.CompletionPercent < 100);
            Assert.Equal(source.Data.OSType, copy.Data.OSType);
            Assert.Equal(source.Data.HyperVGeneration, copy.Data.HyperVGeneration);

            // Until the copy completes it is no source, and the same disk's snapshots are not copied twice at once.
            var ex = await Scenario.Fails(() => rg.GetManagedDisks().CreateOrUpdateAsync(WaitUntil.Completed, "cs1-disk", new ManagedDiskData(new AzureLocation("westus"))
            {
                CreationData = new DiskCreationData(DiskCreateOption.Copy) { SourceResourceId = copy.Id },
            }));
            Assert.Equal(409, ex.Status);
            Assert.Contains("cannot be used as a source until its copy has completed", ex.Message);
            ex = await Scenario.Fails(() => rg.GetSnapshots().CreateOrUpdateAsync(WaitUntil.Completed, "cs1-west2", CopyStart(source.Id!)));
            Assert.Equal(409, ex.Status);
            Assert.Contains("Only one incremental snapshot of a disk can be copied at a time.", ex.Message);

            var seen = new List<float>();
            for (var i = 0; i < 40 && (seen.Count == 0 || seen[^1] < 100); i++)
            {
                await Task.Delay(100);
                seen.Add((await copy.GetAsync()).Value.Data.CompletionPercent ?? -1);
            }
            Assert.Equal(100, seen[^1]);
            Assert.Equal(seen.OrderBy(p => p), seen);
            Assert.Null((await copy.GetAsync()).Value.Data.CopyCompletionError);

            var disk = (await rg.GetManagedDisks().CreateOrUpdateAsync(WaitUntil.Completed, "cs1-disk", new ManagedDiskData(new AzureLocation("westus"))
            {
                CreationData = new DiskCreationData(DiskCreateOption.Copy) { SourceResourceId = copy.Id },
            })).Value;
            Assert.Equal(HyperVGeneration.V2, disk.Data.HyperVGeneration);
        }
        finally
        {
            await _f.Server.Control.SetTimingAsync(new TimingSettings());
        }
    }

    [Fact]
    public async Task CopyStart_in_the_same_region_is_allowed()
    {
        var (rg, source, _) = await Source("cs2");
        var copy = (await rg.GetSnapshots().CreateOrUpdateAsync(WaitUntil.Completed, "cs2-copy", CopyStart(source.Id!, "eastus"))).Value;
        Assert.Equal(100, (await copy.GetAsync()).Value.Data.CompletionPercent);
    }

    [Fact]
    public async Task CopyStart_refuses_full_snapshots_full_targets_and_disks_and_Copy_refuses_another_region()
    {
        var (rg, full, seeded) = await Source("cs3", incremental: false);
        var ex = await Scenario.Fails(() => rg.GetSnapshots().CreateOrUpdateAsync(WaitUntil.Completed, "cs3-a", CopyStart(full.Id!)));
        Assert.Equal(400, ex.Status);
        Assert.Equal("InvalidParameter", ex.ErrorCode);
        Assert.Contains("CopyStart is only supported for creating an incremental snapshot from an incremental snapshot.", ex.Message);

        var (_, incremental, _) = await Source("cs4");
        ex = await Scenario.Fails(() => rg.GetSnapshots().CreateOrUpdateAsync(WaitUntil.Completed, "cs3-b", CopyStart(incremental.Id!, incremental: false)));
        Assert.Equal(400, ex.Status);
        ex = await Scenario.Fails(() => rg.GetSnapshots().CreateOrUpdateAsync(WaitUntil.Completed, "cs3-c", CopyStart(new ResourceIdentifier(seeded.OsDiskId))));
        Assert.Equal(400, ex.Status);
        ex = await Scenario.Fails(() => rg.GetManagedDisks().CreateOrUpdateAsync(WaitUntil.Completed, "cs3-d", new ManagedDiskData(new AzureLocation("westus"))
        {
            CreationData = new DiskCreationData(DiskCreateOption.CopyStart) { SourceResourceId = incremental.Id },
        }));
        Assert.Equal(400, ex.Status);
        Assert.Contains("CopyStart is only supported for snapshots.", ex.Message);
        ex = await Scenario.Fails(() => rg.GetSnapshots().CreateOrUpdateAsync(WaitUntil.Completed, "cs3-e", new SnapshotData(new AzureLocation("westus"))
        {
            CreationData = new DiskCreationData(DiskCreateOption.Copy) { SourceResourceId = incremental.Id },
            Incremental = true,
        }));
        Assert.Equal(400, ex.Status);
        Assert.Contains("Use createOption CopyStart", ex.Message);
    }

    [Fact]
    public async Task A_copy_whose_source_goes_away_or_whose_region_fails_ends_with_copyCompletionError()
    {
        var (rg, source, _) = await Source("cs5");
        await _f.Server.Control.SetTimingAsync(new TimingSettings { PerKind = new() { ["snapshotCopy"] = 30 } });
        try
        {
            var copy = (await rg.GetSnapshots().CreateOrUpdateAsync(WaitUntil.Completed, "cs5-west", CopyStart(source.Id!))).Value;
            await source.DeleteAsync(WaitUntil.Completed);
            var data = (await copy.GetAsync()).Value.Data;
            Assert.Equal(CopyCompletionErrorReason.CopySourceNotFound, data.CopyCompletionError.ErrorCode);
            Assert.Contains("was deleted before the copy completed", data.CopyCompletionError.ErrorMessage);
            Assert.Equal(0, data.CompletionPercent);
        }
        finally
        {
            await _f.Server.Control.SetTimingAsync(new TimingSettings());
        }
        var (rg2, source2, _) = await Source("cs6");
        await _f.Server.Control.SetReplicationAsync(new ReplicationSettings { FailRegions = new() { ["westus"] = "The copy to westus failed." } });
        try
        {
            var failed = (await rg2.GetSnapshots().CreateOrUpdateAsync(WaitUntil.Completed, "cs6-west", CopyStart(source2.Id!))).Value;
            var data = (await failed.GetAsync()).Value.Data;
            Assert.NotNull(data.CopyCompletionError);
            Assert.Equal(CopyCompletionErrorReason.CopySourceNotFound, data.CopyCompletionError.ErrorCode);
            Assert.Equal("The copy to westus failed.", data.CopyCompletionError.ErrorMessage);
            Assert.True(data.CompletionPercent < 100);
        }
        finally
        {
            await _f.Server.Control.SetReplicationAsync(new ReplicationSettings());
        }
    }
}
