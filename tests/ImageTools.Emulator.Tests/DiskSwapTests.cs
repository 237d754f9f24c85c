using Azure;
using Azure.Core;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;
using Azure.ResourceManager.Resources;
using ImageTools.Emulator.Control;

namespace ImageTools.Emulator.Tests;

/// <summary>Disk swap and restore through the SDK: snapshots keep the guest state, a restored disk boots as it was.</summary>
public sealed class DiskSwapTests : IClassFixture<EmulatorFixture>
{
    private const string Sealed = "IMAGE_STATE_GENERALIZE_RESEAL_TO_OOBE";
    private readonly EmulatorFixture _f;
    public DiskSwapTests(EmulatorFixture f) { _f = f; }

    private async Task<ResourceGroupResource> Group(string location = "eastus") => await _f.CreateResourceGroupAsync(_f.UniqueName("rg-swap-"), location);

    private async Task<(VirtualMachineResource Vm, SeedVmResult Seeded)> Seed(ResourceGroupResource rg, string name, string state = "running", Action<SeedVmRequest>? customize = null)
    {
        var request = new SeedVmRequest { ResourceGroup = rg.Data.Name, Name = name, State = state, Location = rg.Data.Location.Name };
        customize?.Invoke(request);
        var seeded = await _f.Server.Control.SeedVmAsync(request);
        return (_f.Client.GetVirtualMachineResource(new ResourceIdentifier(seeded.Id)), seeded);
    }

    private static async Task<SnapshotResource> Snapshot(ResourceGroupResource rg, string name, string sourceId, bool incremental = true) =>
        (await rg.GetSnapshots().CreateOrUpdateAsync(WaitUntil.Completed, name, new SnapshotData(rg.Data.Location)
        {
            CreationData = new DiskCreationData(DiskCreateOption.Copy) { SourceResourceId = new ResourceIdentifier(sourceId) },
            Incremental = incremental,
        })).Value;

    private static async Task<ManagedDiskResource> DiskFrom(ResourceGroupResource rg, string name, string sourceId) =>
        (await rg.GetManagedDisks().CreateOrUpdateAsync(WaitUntil.Completed, name, new ManagedDiskData(rg.Data.Location)
        {
            CreationData = new DiskCreationData(DiskCreateOption.Copy) { SourceResourceId = new ResourceIdentifier(sourceId) },
            Sku = new DiskSku { Name = DiskStorageAccountType.PremiumLrs },
        })).Value;

    private static VirtualMachinePatch SwapOsDisk(ResourceIdentifier diskId, string createOption = "FromImage") => new()
    {
        StorageProfile = new VirtualMachineStorageProfile
        {
            OSDisk = new VirtualMachineOSDisk(new DiskCreateOptionType(createOption)) { ManagedDisk = new VirtualMachineManagedDisk { Id = diskId } },
        },
    };

    [Fact]
    public async Task A_disk_made_from_a_pre_generalize_snapshot_swapped_in_boots_as_it_was()
    {
        var rg = await Group();
        var (vm, seeded) = await Seed(rg, "roll1");
        var before = await Snapshot(rg, "roll1-pre", seeded.OsDiskId);
        Assert.Equal(DiskCreateOption.Copy, before.Data.CreationData.CreateOption);

        // Sysprep seals the guest, the platform deallocates and flags it generalized.
        await _f.Server.Control.SetGuestAsync(rg.Data.Name, "roll1", new GuestTraits { ImageState = Sealed });
        await vm.DeallocateAsync(WaitUntil.Completed);
        await vm.GeneralizeAsync();

        var restored = await DiskFrom(rg, "roll1-restored", before.Id!);
        Assert.Equal(HyperVGeneration.V2, restored.Data.HyperVGeneration);
        Assert.Equal(SupportedOperatingSystemType.Windows, restored.Data.OSType);
        var updated = (await vm.UpdateAsync(WaitUntil.Completed, SwapOsDisk(restored.Id))).Value;

        Assert.Equal(restored.Id.ToString(), updated.Data.StorageProfile.OSDisk.ManagedDisk.Id.ToString(), ignoreCase: true);
        Assert.Equal("roll1-restored", updated.Data.StorageProfile.OSDisk.Name);
        var guest = await _f.Server.Control.GetGuestAsync(rg.Data.Name, "roll1");
        Assert.Equal("IMAGE_STATE_COMPLETE", guest.ImageState);
        // ARM documents generalization as irreversible; the platform flag stays (documented choice): start is refused.
        Assert.True(guest.Generalized);
        var ex = await Scenario.Fails(() => vm.PowerOnAsync(WaitUntil.Completed));
        Assert.Contains("since the VM is generalized", ex.Message);

        // The swapped-out disk is free and keeps the sealed guest; the restored one is attached.
        var oldDisk = (await _f.Client.GetManagedDiskResource(new ResourceIdentifier(seeded.OsDiskId)).GetAsync()).Value;
        Assert.Equal(DiskState.Unattached, oldDisk.Data.DiskState);
        Assert.Null(oldDisk.Data.ManagedBy);
        Assert.Equal(DiskState.Attached, (await restored.GetAsync()).Value.Data.DiskState);
    }

    [Fact]
    public async Task A_vm_created_on_the_restored_disk_runs_the_snapshot_guest_and_a_detached_disk_keeps_its_guest()
    {
        var rg = await Group();
        var (vm, seeded) = await Seed(rg, "roll2");
        var before = await Snapshot(rg, "roll2-pre", seeded.OsDiskId);
        await _f.Server.Control.SetGuestAsync(rg.Data.Name, "roll2", new GuestTraits { ImageState = Sealed });
        await vm.DeallocateAsync(WaitUntil.Completed);
        await vm.GeneralizeAsync();
        // A snapshot taken now holds the sealed guest.
        var after = await Snapshot(rg, "roll2-post", seeded.OsDiskId);

        foreach (var (snapshot, expected) in new[] { (before, "IMAGE_STATE_COMPLETE"), (after, Sealed) })
        {
            var disk = await DiskFrom(rg, snapshot.Data.Name + "-d", snapshot.Id!);
            var name = snapshot.Data.Name + "-vm";
            var nic = await Scenario.CreateNicAsync(_f.Client, _f.SubscriptionId, rg.Data.Name, name + "-nic");
            var data = Scenario.VmData(nic, null!, null, osProfile: false);
            data.StorageProfile.ImageReference = null;
            data.StorageProfile.OSDisk = new VirtualMachineOSDisk(DiskCreateOptionType.Attach) { OSType = SupportedOperatingSystemType.Windows, ManagedDisk = new VirtualMachineManagedDisk { Id = disk.Id } };
            await rg.GetVirtualMachines().CreateOrUpdateAsync(WaitUntil.Completed, name, data);
            var guest = await _f.Server.Control.GetGuestAsync(rg.Data.Name, name);
            Assert.Equal(expected, guest.ImageState);
            Assert.False(guest.Generalized);
        }
    }

    [Fact]
    public async Task Swapping_the_os_disk_of_a_vm_that_is_not_deallocated_is_409()
    {
        var rg = await Group();
        var (vm, seeded) = await Seed(rg, "swaprun");
        var disk = await DiskFrom(rg, "swaprun-d", (await Snapshot(rg, "swaprun-s", seeded.OsDiskId)).Id!);
        var ex = await Scenario.Fails(() => vm.UpdateAsync(WaitUntil.Completed, SwapOsDisk(disk.Id)));
        Assert.Equal(409, ex.Status);
        Assert.Equal("OperationNotAllowed", ex.ErrorCode);
        Assert.Contains("Operation 'Swap OS disk' is not allowed on VM 'swaprun' since the VM is not deallocated.", ex.Message);
        await vm.PowerOffAsync(WaitUntil.Completed);
        ex = await Scenario.Fails(() => vm.UpdateAsync(WaitUntil.Completed, SwapOsDisk(disk.Id)));
        Assert.Equal(409, ex.Status);
        // Nothing changed.
        Assert.Equal(seeded.OsDiskId, (await vm.GetAsync()).Value.Data.StorageProfile.OSDisk.ManagedDisk.Id.ToString(), ignoreCase: true);
        Assert.Equal(DiskState.Unattached, (await disk.GetAsync()).Value.Data.DiskState);
    }

    [Fact]
    public async Task Swapping_in_a_disk_of_another_os_type_generation_or_create_option_is_refused()
    {
        var rg = await Group();
        var (vm, seeded) = await Seed(rg, "swapbad", "deallocated");
        var (_, linux) = await Seed(rg, "swaplnx", "deallocated", r => r.OsType = "Linux");
        var (_, gen1) = await Seed(rg, "swapg1", "deallocated", r => r.HyperVGeneration = "V1");
        var linuxDisk = await DiskFrom(rg, "lnx-d", (await Snapshot(rg, "lnx-s", linux.OsDiskId)).Id!);
        var gen1Disk = await DiskFrom(rg, "g1-d", (await Snapshot(rg, "g1-s", gen1.OsDiskId)).Id!);

        var ex = await Scenario.Fails(() => vm.UpdateAsync(WaitUntil.Completed, SwapOsDisk(linuxDisk.Id)));
        Assert.Equal(409, ex.Status);
        Assert.Equal("PropertyChangeNotAllowed", ex.ErrorCode);
        Assert.Contains("Changing property 'osDisk.osType' is not allowed.", ex.Message);

        ex = await Scenario.Fails(() => vm.UpdateAsync(WaitUntil.Completed, SwapOsDisk(gen1Disk.Id)));
        Assert.Equal(409, ex.Status);
        Assert.Contains("swapping os disk is not supported since HyperVisor property on the OSDISK and the VM do not match", ex.Message);

        var own = await DiskFrom(rg, "own-d", (await Snapshot(rg, "own-s", seeded.OsDiskId)).Id!);
        ex = await Scenario.Fails(() => vm.UpdateAsync(WaitUntil.Completed, SwapOsDisk(own.Id, "Attach")));
        Assert.Equal("PropertyChangeNotAllowed", ex.ErrorCode);
        Assert.Contains("Changing property 'osDisk.createOption' is not allowed.", ex.Message);

        // A disk another VM uses cannot be swapped in.
        ex = await Scenario.Fails(() => vm.UpdateAsync(WaitUntil.Completed, SwapOsDisk(new ResourceIdentifier(gen1.OsDiskId))));
        Assert.Equal(409, ex.Status);
        Assert.Contains("is already attached to VM", ex.Message);
    }

    [Fact]
    public async Task A_data_disk_is_swapped_by_lun_and_the_old_one_detached()
    {
        var rg = await Group();
        var (vm, seeded) = await Seed(rg, "swapdata", customize: r => r.DataDisks = 2);
        var restored = await DiskFrom(rg, "data0-restored", (await Snapshot(rg, "data0-s", seeded.DataDiskIds[0])).Id!);
        var current = (await vm.GetAsync()).Value.Data;
        current.StorageProfile.DataDisks[0].ManagedDisk.Id = restored.Id;
        current.StorageProfile.DataDisks[0].CreateOption = DiskCreateOptionType.Attach;
        var updated = (await rg.GetVirtualMachines().CreateOrUpdateAsync(WaitUntil.Completed, "swapdata", current)).Value;

        Assert.Equal(2, updated.Data.StorageProfile.DataDisks.Count);
        Assert.Equal(restored.Id.ToString(), updated.Data.StorageProfile.DataDisks[0].ManagedDisk.Id.ToString(), ignoreCase: true);
        Assert.Equal(seeded.DataDiskIds[1], updated.Data.StorageProfile.DataDisks[1].ManagedDisk.Id.ToString(), ignoreCase: true);
        Assert.Equal(DiskState.Unattached, (await _f.Client.GetManagedDiskResource(new ResourceIdentifier(seeded.DataDiskIds[0])).GetAsync()).Value.Data.DiskState);
        Assert.Equal(DiskState.Attached, (await restored.GetAsync()).Value.Data.DiskState);
    }
}
