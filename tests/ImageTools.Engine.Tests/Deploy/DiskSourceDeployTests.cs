using Azure.Core;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;
using ImageTools.Engine.Tests.Deploy.Rules;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Deploy;

/// <summary>A specialized managed disk (an imported VHD) becomes one VM by attaching it as the OS disk: no image, no osProfile; a rerun writes nothing.</summary>
[Collection(EmulatorCollection.Name)]
public class DiskSourceDeployTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task A_specialized_imported_disk_is_attached_as_one_VMs_OS_disk_and_a_rerun_writes_nothing()
    {
        var group = EmulatorFixture.NewGroup("disk-vm");
        var diskId = await DiskSource.ImportedAsync(emulator, group, "app01-os", "Specialized");

        var host = await DeployKit.DeployAsync(emulator, DeployKit.Request(group, diskId, "app01", configure: r => r.Credential = null));
        Assert.Empty(host.Errors);
        var vm = Assert.Single(DeployKit.Vms(host));
        Assert.Equal(("app01", "running", "Windows"), (vm.Name, vm.PowerState, vm.OsType));
        Assert.Contains(host.Verbose, v => v.Contains($"on disk '{diskId}' (attached as its OS disk)", StringComparison.OrdinalIgnoreCase));

        var data = (await emulator.Client.GetVirtualMachineResource(new ResourceIdentifier(vm.Id)).GetAsync()).Value.Data;
        Assert.Equal(DiskCreateOptionType.Attach, data.StorageProfile.OSDisk.CreateOption);
        Assert.Equal(diskId, data.StorageProfile.OSDisk.ManagedDisk.Id.ToString(), ignoreCase: true);
        Assert.Null(data.StorageProfile.ImageReference);
        Assert.Null(data.OSProfile);
        var disk = (await emulator.Client.GetManagedDiskResource(new ResourceIdentifier(diskId)).GetAsync()).Value.Data;
        Assert.Equal(DiskState.Attached, disk.DiskState);

        var mark = await emulator.MarkAsync();
        var again = await DeployKit.DeployAsync(emulator, DeployKit.Request(group, diskId, "app01", configure: r => r.Credential = null));
        Assert.Equal(vm.Id, Assert.Single(DeployKit.Vms(again)).Id, ignoreCase: true);
        await emulator.AssertNoWritesAsync(group, mark);
    }
}
