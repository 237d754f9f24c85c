using Azure;
using Azure.Core;
using Azure.ResourceManager.Compute;
using ImageTools.Emulator.Control;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Rules;
using ImageTools.Engine.Tests.Infrastructure;
using ImageTools.Models;

namespace ImageTools.Engine.Tests.Copy;

/// <summary>
/// Copy-CapturedImage against the emulator: a managed image's disks go through snapshots (a full copy in
/// the same region; an incremental snapshot and CopyStart to another region), the image is made again at
/// the target, reruns converge, and what ARM would refuse is refused before any write.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class CopyTests(EmulatorFixture emulator)
{
    private async Task<ImageInfo> ImageAsync(string group, string vm = "gold")
    {
        var vmId = await emulator.GeneralizedVmAsync(group, vm, os: "Linux");
        return (await emulator.Engine.CaptureAsync(Refusals.Capture(vmId, r => r.ImageName = vm + "-image"), new RecordingHost()))!;
    }

    private static CopyRequest Copy(string imageId, Action<CopyRequest>? configure = null)
    {
        var request = new CopyRequest { Source = ResourceReference.FromId(imageId) };
        configure?.Invoke(request);
        return request;
    }

    private async Task<PreflightException> RefusedAsync(string group, CopyRequest request)
    {
        var mark = await emulator.MarkAsync();
        var e = await Assert.ThrowsAsync<PreflightException>(() => emulator.Engine.CopyAsync(request, new RecordingHost()));
        await emulator.AssertNoWritesAsync(group, mark);
        return e;
    }

    private string SnapshotId(string group, string name) => $"/subscriptions/{emulator.SubscriptionId}/resourceGroups/{group}/providers/Microsoft.Compute/snapshots/{name}";

    [Fact]
    public async Task An_image_copied_to_another_region_goes_through_an_incremental_snapshot_and_CopyStart_and_a_rerun_writes_nothing()
    {
        var group = EmulatorFixture.NewGroup("copyxr");
        var image = await ImageAsync(group);
        var host = new RecordingHost();

        var copy = await emulator.Engine.CopyAsync(Copy(image.Id, r => r.TargetLocation = "West Europe"), host);

        // In the source's own group, the copy is named after its region (an image name is unique in its group).
        Assert.Equal(("gold-image-westeurope", "westeurope", "Succeeded", "Linux", "Generalized"), (copy!.Name, copy.Location, copy.ProvisioningState, copy.OsType, copy.OsState));
        Assert.Equal(image.Id, copy.SourceId);
        Assert.Equal(image.Id, copy.Tags["imagetools-copy-of"]);
        var stage = (await emulator.Client.GetSnapshotResource(new ResourceIdentifier(SnapshotId(group, "gold-image-westeurope-os-stage"))).GetAsync()).Value.Data;
        Assert.Equal(("eastus", true), (stage.Location.Name, stage.Incremental));
        var copied = (await emulator.Client.GetSnapshotResource(new ResourceIdentifier(SnapshotId(group, "gold-image-westeurope-os-copy"))).GetAsync()).Value.Data;
        Assert.Equal(("westeurope", "CopyStart", 100f), (copied.Location.Name, copied.CreationData.CreateOption.ToString(), copied.CompletionPercent));
        Assert.Contains(host.Progress, p => p.ParentActivityId == 1 && p.Activity.Contains("to westeurope") && p.PercentComplete == 100);

        // ImageAlreadyCopied: the rerun finds the copy and writes nothing.
        var mark = await emulator.MarkAsync();
        var prepared = await emulator.Engine.PrepareCopyAsync(Copy(image.Id, r => r.TargetLocation = "westeurope"), new RecordingHost(), CancellationToken.None);
        Assert.Equal("ImageAlreadyCopied", prepared.AlreadyDone!.RuleId);
        var again = await emulator.Engine.CopyAsync(Copy(image.Id, r => r.TargetLocation = "westeurope"), new RecordingHost());
        Assert.Equal(copy.Id, again!.Id);
        await emulator.AssertNoWritesAsync(group, mark);
    }

    [Fact]
    public async Task An_image_copied_to_another_group_in_its_region_takes_full_snapshot_copies_of_its_os_and_data_disks()
    {
        var group = EmulatorFixture.NewGroup("copyrg");
        var target = EmulatorFixture.NewGroup("copyrg-t");
        var vm = await emulator.SeedVmAsync(group, "data", state: "generalized", configure: r => r.DataDisks = 1);
        var image = (await emulator.Engine.CaptureAsync(Refusals.Capture(vm.Id), new RecordingHost()))!;
        await emulator.BareDiskAsync(target, "unrelated");

        var copy = await emulator.Engine.CopyAsync(Copy(image.Id, r => r.TargetResourceGroupName = target), new RecordingHost());

        Assert.Equal((target, "eastus", "data-image"), (copy!.ResourceGroupName, copy.Location, copy.Name));
        Assert.Equal(new[] { "0" }, copy.DataDiskLuns);
        foreach (var name in new[] { "data-image-os-copy", "data-image-lun0-copy" })
        {
            var snapshot = (await emulator.Client.GetSnapshotResource(new ResourceIdentifier(SnapshotId(target, name))).GetAsync()).Value.Data;
            Assert.Equal(("Copy", false), (snapshot.CreationData.CreateOption.ToString(), snapshot.Incremental ?? false));
        }
    }

    [Fact]
    public async Task An_image_made_from_a_snapshot_is_copied_across_regions_through_a_disk_made_from_it()
    {
        var group = EmulatorFixture.NewGroup("copysnap");
        var vm = await emulator.SeedVmAsync(group, "snapsrc", state: "generalized");
        var rg = emulator.Client.GetResourceGroupResource(Azure.ResourceManager.Resources.ResourceGroupResource.CreateResourceIdentifier(emulator.SubscriptionId, group));
        var snapshot = (await rg.GetSnapshots().CreateOrUpdateAsync(WaitUntil.Completed, "snapsrc-os", new SnapshotData(new AzureLocation("eastus"))
        {
            CreationData = new Azure.ResourceManager.Compute.Models.DiskCreationData(Azure.ResourceManager.Compute.Models.DiskCreateOption.Copy) { SourceResourceId = new ResourceIdentifier(vm.OsDiskId) },
        })).Value;
        var image = (await emulator.Engine.CaptureAsync(Refusals.Capture(snapshot.Id.ToString(), r => { r.OsState = "Generalized"; r.ImageName = "fromsnap"; }), new RecordingHost()))!;

        var copy = await emulator.Engine.CopyAsync(Copy(image.Id, r => { r.TargetLocation = "northeurope"; r.TargetName = "fromsnap-ne"; }), new RecordingHost());

        Assert.Equal(("fromsnap-ne", "northeurope"), (copy!.Name, copy.Location));
        var stageDisk = (await emulator.Client.GetManagedDiskResource(new ResourceIdentifier(
            $"/subscriptions/{emulator.SubscriptionId}/resourceGroups/{group}/providers/Microsoft.Compute/disks/fromsnap-ne-os-stage")).GetAsync()).Value.Data;
        Assert.Equal(snapshot.Id.ToString(), stageDisk.CreationData.SourceResourceId.ToString(), ignoreCase: true);
    }

    [Fact]
    public async Task CopySourceIsGalleryVersion_a_gallery_version_is_refused_with_replication_as_the_remedy()
    {
        var group = EmulatorFixture.NewGroup("copygal");
        var id = $"/subscriptions/{emulator.SubscriptionId}/resourceGroups/{group}/providers/Microsoft.Compute/galleries/corp/images/web/versions/1.0.0";
        var e = await RefusedAsync(group, Copy(id, r => r.TargetLocation = "westeurope"));
        var finding = e.Refusal("CopySourceIsGalleryVersion");
        Assert.Contains("Publish-GalleryVersion", finding.Remedy);
        Assert.Contains("-TargetRegion", finding.Remedy);
        Assert.Single(e.Refusals);
    }

    [Fact]
    public async Task CopySourceImageNotFound_CopyTargetNameInvalid_CopyTargetResourceGroupNotFound_and_CopyTargetLocationUnknown()
    {
        var group = EmulatorFixture.NewGroup("copyref");
        await emulator.BareDiskAsync(group, "placeholder");
        var missing = $"/subscriptions/{emulator.SubscriptionId}/resourceGroups/{group}/providers/Microsoft.Compute/images/nothing";
        Assert.Contains("'nothing' was not found", (await RefusedAsync(group, Copy(missing))).Refusal("CopySourceImageNotFound").Message);

        var image = await ImageAsync(group);
        Assert.Contains("-bad-", (await RefusedAsync(group, Copy(image.Id, r => { r.TargetName = "-bad-"; r.TargetLocation = "westus"; }))).Refusal("CopyTargetNameInvalid").Message);
        Assert.Contains("'nogroup-x'", (await RefusedAsync(group, Copy(image.Id, r => r.TargetResourceGroupName = "nogroup-x"))).Refusal("CopyTargetResourceGroupNotFound").Message);
        var unknown = (await RefusedAsync(group, Copy(image.Id, r => r.TargetLocation = "marsnorth"))).Refusal("CopyTargetLocationUnknown");
        Assert.Contains("westeurope", unknown.Remedy);
    }

    [Fact]
    public async Task CopyTargetSameAsSource_and_CopyTargetExists_never_touch_an_existing_image()
    {
        var group = EmulatorFixture.NewGroup("copysame");
        var image = await ImageAsync(group);
        Assert.Contains("itself", (await RefusedAsync(group, Copy(image.Id))).Refusal("CopyTargetSameAsSource").Message);
        Assert.Contains("unique in its resource group", (await RefusedAsync(group, Copy(image.Id, r => { r.TargetLocation = "westus"; r.TargetName = "gold-image"; }))).Refusal("CopyTargetSameAsSource").Message);

        var other = await ImageAsync(group, "other");
        var exists = (await RefusedAsync(group, Copy(image.Id, r => r.TargetName = other.Name))).Refusal("CopyTargetExists");
        Assert.Contains("is not a copy of 'gold-image'", exists.Message);
    }

    [Fact]
    public async Task CopySourceDiskNotFound_an_image_whose_disk_was_deleted_points_to_a_gallery()
    {
        var group = EmulatorFixture.NewGroup("copygone");
        var disk = await emulator.BareDiskAsync(group, "gone", osType: "Linux", generation: "V2");
        var image = (await emulator.Engine.CaptureAsync(Refusals.Capture(disk, r => { r.OsState = "Generalized"; r.ImageName = "orphan"; }), new RecordingHost()))!;
        await emulator.Client.GetManagedDiskResource(new ResourceIdentifier(disk)).DeleteAsync(WaitUntil.Completed);

        var finding = (await RefusedAsync(group, Copy(image.Id, r => r.TargetLocation = "westus"))).Refusal("CopySourceDiskNotFound");
        Assert.Contains("no longer exists", finding.Message);
        Assert.Contains("Publish-GalleryVersion -ResourceId " + image.Id, finding.Remedy);
    }

    [Fact]
    public async Task CopySourceFromBlob_an_image_made_from_a_vhd_blob_is_refused()
    {
        var group = EmulatorFixture.NewGroup("copyblob");
        await emulator.BareDiskAsync(group, "placeholder");
        var rg = emulator.Client.GetResourceGroupResource(Azure.ResourceManager.Resources.ResourceGroupResource.CreateResourceIdentifier(emulator.SubscriptionId, group));
        var data = new DiskImageData(new AzureLocation("eastus"))
        {
            StorageProfile = new Azure.ResourceManager.Compute.Models.ImageStorageProfile
            {
                OSDisk = new Azure.ResourceManager.Compute.Models.ImageOSDisk(Azure.ResourceManager.Compute.Models.SupportedOperatingSystemType.Linux,
                    Azure.ResourceManager.Compute.Models.OperatingSystemStateType.Generalized) { BlobUri = new Uri("https://store.blob.core.windows.net/vhds/os.vhd") },
            },
        };
        var image = (await rg.GetDiskImages().CreateOrUpdateAsync(WaitUntil.Completed, "fromblob", data)).Value;
        var finding = (await RefusedAsync(group, Copy(image.Id.ToString(), r => r.TargetLocation = "westus"))).Refusal("CopySourceFromBlob");
        Assert.Contains("https://store.blob.core.windows.net/vhds/os.vhd", finding.Message);
    }

    [Fact]
    public async Task CopySourceNotSucceeded_a_failed_image_is_not_copied()
    {
        var group = EmulatorFixture.NewGroup("copyfail");
        var vm = await emulator.GeneralizedVmAsync(group, "failsrc");
        await emulator.Control.AddFaultAsync(new FaultRule { Kind = "lroFailed", Method = "PUT", PathPattern = "images/failsrc-image$", Count = 1 });
        await Assert.ThrowsAnyAsync<ImageToolsException>(() => emulator.Engine.CaptureAsync(Refusals.Capture(vm), new RecordingHost()));
        var id = $"/subscriptions/{emulator.SubscriptionId}/resourceGroups/{group}/providers/Microsoft.Compute/images/failsrc-image";
        Assert.Contains("not Succeeded", (await RefusedAsync(group, Copy(id, r => r.TargetLocation = "westus"))).Refusal("CopySourceNotSucceeded").Message);
    }

    [Fact]
    public async Task CopyIntermediateNameTaken_a_snapshot_of_that_name_from_elsewhere_is_never_reused()
    {
        var group = EmulatorFixture.NewGroup("copytaken");
        var image = await ImageAsync(group);
        var stranger = await emulator.BareDiskAsync(group + "-s", "stranger");
        var rg = emulator.Client.GetResourceGroupResource(Azure.ResourceManager.Resources.ResourceGroupResource.CreateResourceIdentifier(emulator.SubscriptionId, group));
        await rg.GetSnapshots().CreateOrUpdateAsync(WaitUntil.Completed, "twin-os-copy", new SnapshotData(new AzureLocation("eastus"))
        {
            CreationData = new Azure.ResourceManager.Compute.Models.DiskCreationData(Azure.ResourceManager.Compute.Models.DiskCreateOption.Copy) { SourceResourceId = new ResourceIdentifier(stranger) },
        });
        var finding = (await RefusedAsync(group, Copy(image.Id, r => r.TargetName = "twin"))).Refusal("CopyIntermediateNameTaken");
        Assert.Contains("'twin-os-copy'", finding.Message);
    }

    [Fact]
    public async Task CopyFailedEarlier_a_copy_that_stopped_fails_the_run_and_its_rerun_names_the_snapshot_to_remove()
    {
        var group = EmulatorFixture.NewGroup("copystop");
        var image = await ImageAsync(group);
        await emulator.Control.SetReplicationAsync(new ReplicationSettings { FailRegions = { ["uksouth"] = "The region is unavailable." } });
        try
        {
            var e = await Assert.ThrowsAsync<ImageToolsException>(() => emulator.Engine.CopyAsync(Copy(image.Id, r => r.TargetLocation = "uksouth"), new RecordingHost()));
            Assert.Equal(ErrorIds.SnapshotCopyFailed, e.RuleId);
            Assert.Contains("CopySourceNotFound: The region is unavailable.", e.Message);
        }
        finally
        {
            await emulator.Control.SetReplicationAsync(new ReplicationSettings());
        }
        var finding = (await RefusedAsync(group, Copy(image.Id, r => r.TargetLocation = "uksouth"))).Refusal("CopyFailedEarlier");
        Assert.Contains($"Remove-AzSnapshot -ResourceGroupName {group} -SnapshotName gold-image-uksouth-os-copy", finding.Remedy);
    }
}
