using Azure;
using Azure.Core;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;
using Azure.ResourceManager.Resources;
using ImageTools.Emulator.Control;

namespace ImageTools.Emulator.Tests;

/// <summary>ARM's state rules for VMs and managed images, one test per rule, through the SDK.</summary>
public sealed class VmRuleTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;
    public VmRuleTests(EmulatorFixture f) { _f = f; }

    private async Task<ResourceGroupResource> Group(string location = "eastus") => await _f.CreateResourceGroupAsync(_f.UniqueName("rg-vm-"), location);

    private async Task<VirtualMachineResource> Seed(ResourceGroupResource rg, string name, string state, Action<SeedVmRequest>? customize = null)
    {
        var request = new SeedVmRequest { ResourceGroup = rg.Data.Name, Name = name, State = state, Location = rg.Data.Location.Name };
        customize?.Invoke(request);
        var seeded = await _f.Server.Control.SeedVmAsync(request);
        return _f.Client.GetVirtualMachineResource(new ResourceIdentifier(seeded.Id));
    }

    [Fact]
    public async Task Generalize_while_running_is_409_OperationNotAllowed()
    {
        var vm = await Seed(await Group(), "run1", "running");
        var ex = await Scenario.Fails(() => vm.GeneralizeAsync());
        Assert.Equal(409, ex.Status);
        Assert.Equal("OperationNotAllowed", ex.ErrorCode);
        Assert.Contains("Operation 'generalize' is not allowed on VM 'run1' since the VM is running. Please power off explicitly in case you shut down the VM from inside the guest operating system.", ex.Message);
    }

    [Fact]
    public async Task Start_of_a_generalized_vm_is_409()
    {
        var vm = await Seed(await Group(), "gen1", "generalized");
        var ex = await Scenario.Fails(() => vm.PowerOnAsync(WaitUntil.Completed));
        Assert.Equal(409, ex.Status);
        Assert.Contains("Operation 'start' is not allowed on VM 'gen1' since the VM is generalized.", ex.Message);
    }

    [Fact]
    public async Task Restart_of_a_deallocated_vm_requires_running()
    {
        var vm = await Seed(await Group(), "dea1", "deallocated");
        var ex = await Scenario.Fails(() => vm.RestartAsync(WaitUntil.Completed));
        Assert.Equal("OperationNotAllowed", ex.ErrorCode);
        Assert.Contains("The operation requires the VM to be running (or set to run).", ex.Message);
    }

    [Fact]
    public async Task Power_actions_move_the_power_state()
    {
        var vm = await Seed(await Group(), "pwr1", "running");
        await vm.PowerOffAsync(WaitUntil.Completed);
        Assert.Contains((await vm.InstanceViewAsync()).Value.Statuses, s => s.Code == "PowerState/stopped");
        Assert.Equal("Not Ready", (await vm.InstanceViewAsync()).Value.VmAgent.Statuses[0].DisplayStatus);
        await vm.PowerOnAsync(WaitUntil.Completed);
        Assert.Contains((await vm.InstanceViewAsync()).Value.Statuses, s => s.Code == "PowerState/running");
        await vm.DeallocateAsync(WaitUntil.Completed);
        var expanded = (await vm.GetAsync(InstanceViewType.InstanceView)).Value;
        Assert.Contains(expanded.Data.InstanceView.Statuses, s => s.Code == "PowerState/deallocated");
    }

    [Fact]
    public async Task Image_from_a_vm_that_is_not_generalized_is_409()
    {
        var rg = await Group();
        var vm = await Seed(rg, "notgen", "deallocated");
        var ex = await Scenario.Fails(() => rg.GetDiskImages().CreateOrUpdateAsync(WaitUntil.Completed, "img", new DiskImageData(rg.Data.Location) { SourceVirtualMachineId = vm.Id }));
        Assert.Equal(409, ex.Status);
        Assert.Equal("OperationNotAllowed", ex.ErrorCode);
        Assert.Contains("The operation 'Create Image' requires the Virtual Machine 'notgen' to be Generalized.", ex.Message);
    }

    [Theory]
    [InlineData("snapshot")]
    [InlineData("disk")]
    [InlineData("blob")]
    public async Task Image_with_a_specialized_os_disk_is_refused_as_ARM_does(string source)
    {
        // ARM: managed images are generalized only (specialized images exist in a Compute Gallery).
        var rg = await Group();
        var vm = await Seed(rg, "spec" + source, "deallocated");
        var osDiskId = new ResourceIdentifier((await vm.GetAsync()).Value.Data.StorageProfile.OSDisk.ManagedDisk.Id!);
        var snapshot = (await rg.GetSnapshots().CreateOrUpdateAsync(WaitUntil.Completed, "snap-" + source, new SnapshotData(rg.Data.Location)
        {
            CreationData = new DiskCreationData(DiskCreateOption.Copy) { SourceResourceId = osDiskId },
        })).Value;
        DiskImageData Image(OperatingSystemStateType state)
        {
            var osDisk = new ImageOSDisk(SupportedOperatingSystemType.Windows, state);
            if (source == "snapshot") osDisk.SnapshotId = snapshot.Id;
            else if (source == "disk") osDisk.ManagedDiskId = osDiskId;
            else osDisk.BlobUri = new Uri("https://store.blob.core.windows.net/vhds/os.vhd");
            return new DiskImageData(rg.Data.Location) { StorageProfile = new ImageStorageProfile { OSDisk = osDisk } };
        }

        var ex = await Scenario.Fails(() => rg.GetDiskImages().CreateOrUpdateAsync(WaitUntil.Completed, "img", Image(OperatingSystemStateType.Specialized)));
        Assert.Equal(400, ex.Status);
        Assert.Equal("InvalidParameter", ex.ErrorCode);
        Assert.Contains("The value of parameter osDisk.osState is invalid.", ex.Message);
        Assert.Empty(rg.GetDiskImages().GetAll());

        var ok = (await rg.GetDiskImages().CreateOrUpdateAsync(WaitUntil.Completed, "img", Image(OperatingSystemStateType.Generalized))).Value;
        Assert.Equal(OperatingSystemStateType.Generalized, ok.Data.StorageProfile.OSDisk.OSState);
    }

    [Fact]
    public async Task Image_from_a_trusted_launch_vm_is_refused()
    {
        var rg = await Group();
        var vm = await Seed(rg, "tlvm", "generalized", r => r.SecurityType = "TrustedLaunch");
        var ex = await Scenario.Fails(() => rg.GetDiskImages().CreateOrUpdateAsync(WaitUntil.Completed, "img", new DiskImageData(rg.Data.Location) { SourceVirtualMachineId = vm.Id }));
        Assert.Equal("OperationNotAllowed", ex.ErrorCode);
        Assert.Contains("Creation of managed images are not supported for virtual machine with TrustedLaunch security type.", ex.Message);
    }

    [Fact]
    public async Task Image_hyperv_generation_must_match_the_source()
    {
        var rg = await Group();
        var vm = await Seed(rg, "g2vm", "generalized");
        var ex = await Scenario.Fails(() => rg.GetDiskImages().CreateOrUpdateAsync(WaitUntil.Completed, "img",
            new DiskImageData(rg.Data.Location) { SourceVirtualMachineId = vm.Id, HyperVGeneration = HyperVGeneration.V1 }));
        Assert.Equal(400, ex.Status);
        Assert.Equal("InvalidParameter", ex.ErrorCode);
        Assert.Contains("The Input HyperVGeneration property: 'V1' does not match with the HyperVGeneration property: 'Gen2' belonging to source: 'sourceVirtualMachine'.", ex.Message);
        var ok = (await rg.GetDiskImages().CreateOrUpdateAsync(WaitUntil.Completed, "img", new DiskImageData(rg.Data.Location) { SourceVirtualMachineId = vm.Id })).Value;
        Assert.Equal(HyperVGeneration.V2, ok.Data.HyperVGeneration);
    }

    [Fact]
    public async Task Unmanaged_and_scale_set_vms_are_visible_as_such()
    {
        var rg = await Group();
        var unmanaged = (await (await Seed(rg, "vhdvm", "generalized", r => r.UnmanagedDisk = true)).GetAsync()).Value;
        Assert.NotNull(unmanaged.Data.StorageProfile.OSDisk.VhdUri);
        Assert.Null(unmanaged.Data.StorageProfile.OSDisk.ManagedDisk);
        var ex = await Scenario.Fails(() => rg.GetDiskImages().CreateOrUpdateAsync(WaitUntil.Completed, "img", new DiskImageData(rg.Data.Location) { SourceVirtualMachineId = unmanaged.Id }));
        Assert.Equal("OperationNotAllowed", ex.ErrorCode);
        var ssId = $"/subscriptions/{_f.SubscriptionId}/resourceGroups/{rg.Data.Name}/providers/Microsoft.Compute/virtualMachineScaleSets/ss1";
        var member = (await (await Seed(rg, "ssvm", "running", r => r.ScaleSetId = ssId)).GetAsync()).Value;
        Assert.Equal(ssId, member.Data.VirtualMachineScaleSetId?.ToString());
    }

    [Fact]
    public async Task Vm_from_generalized_image_without_os_profile_is_400()
    {
        var rg = await Group();
        var nic = await Scenario.CreateNicAsync(_f.Client, _f.SubscriptionId, rg.Data.Name, "noprof-nic");
        var data = Scenario.VmData(nic, Scenario.Marketplace("MicrosoftWindowsServer:WindowsServer:2022-datacenter-g2:latest"), null, osProfile: false);
        var ex = await Scenario.Fails(() => rg.GetVirtualMachines().CreateOrUpdateAsync(WaitUntil.Completed, "noprof", data));
        Assert.Equal(400, ex.Status);
        Assert.Equal("InvalidParameter", ex.ErrorCode);
        Assert.Contains("Required parameter 'osProfile' is missing (null).", ex.Message);
        Assert.Contains("osProfile", ex.Message);
    }

    [Theory]
    [InlineData("averyveryverylongname")]
    [InlineData("123456")]
    [InlineData("web_01")]
    [InlineData("web.01")]
    public async Task Windows_computer_name_rules(string computerName)
    {
        var rg = await Group();
        var nic = await Scenario.CreateNicAsync(_f.Client, _f.SubscriptionId, rg.Data.Name, "cn-nic");
        var data = Scenario.VmData(nic, Scenario.Marketplace("MicrosoftWindowsServer:WindowsServer:2022-datacenter-g2:latest"), computerName);
        var ex = await Scenario.Fails(() => rg.GetVirtualMachines().CreateOrUpdateAsync(WaitUntil.Completed, "cnvm", data));
        Assert.Equal("InvalidParameter", ex.ErrorCode);
        Assert.Contains("Windows computer name cannot be more than 15 characters long, be entirely numeric, or contain the following characters:", ex.Message);
        Assert.Contains("computerName", ex.Message);
    }

    [Theory]
    [InlineData("short1A!", "adminPassword", "must be between 12-123 characters long")]
    [InlineData("alllowercaseletters", "adminPassword", "must satisfy at least 3 of password complexity requirements")]
    [InlineData("P@ssw0rd", "adminPassword", "not allowed")]
    public async Task Windows_password_rules(string password, string target, string text)
    {
        var rg = await Group();
        var nic = await Scenario.CreateNicAsync(_f.Client, _f.SubscriptionId, rg.Data.Name, "pw-nic");
        var data = Scenario.VmData(nic, Scenario.Marketplace("MicrosoftWindowsServer:WindowsServer:2022-datacenter-g2:latest"), "pwvm");
        data.OSProfile.AdminPassword = password;
        var ex = await Scenario.Fails(() => rg.GetVirtualMachines().CreateOrUpdateAsync(WaitUntil.Completed, "pwvm", data));
        Assert.Equal("InvalidParameter", ex.ErrorCode);
        Assert.Contains(target, ex.Message);
        Assert.Contains(text, ex.Message);
    }

    [Theory]
    [InlineData("administrator")]
    [InlineData("root")]
    [InlineData("admin")]
    public async Task Reserved_admin_user_names_are_refused(string user)
    {
        var rg = await Group();
        var nic = await Scenario.CreateNicAsync(_f.Client, _f.SubscriptionId, rg.Data.Name, "user-nic");
        var data = Scenario.VmData(nic, Scenario.Marketplace("Canonical:ubuntu-24_04-lts:server:latest"), "uservm");
        data.OSProfile.AdminUsername = user;
        var ex = await Scenario.Fails(() => rg.GetVirtualMachines().CreateOrUpdateAsync(WaitUntil.Completed, "uservm", data));
        Assert.Equal("InvalidParameter", ex.ErrorCode);
        Assert.Contains("The Admin Username specified is not allowed.", ex.Message);
    }

    [Fact]
    public async Task Gen1_image_cannot_boot_on_a_gen2_only_size_nor_use_trusted_launch()
    {
        var rg = await Group();
        var nic = await Scenario.CreateNicAsync(_f.Client, _f.SubscriptionId, rg.Data.Name, "gen-nic");
        var data = Scenario.VmData(nic, Scenario.Marketplace("MicrosoftWindowsServer:WindowsServer:2022-datacenter:latest"), "genvm", size: "Standard_D2s_v6");
        var ex = await Scenario.Fails(() => rg.GetVirtualMachines().CreateOrUpdateAsync(WaitUntil.Completed, "genvm", data));
        Assert.Equal("BadRequest", ex.ErrorCode);
        Assert.Contains("The selected VM size 'Standard_D2s_v6' cannot boot Hypervisor Generation '1'.", ex.Message);

        data = Scenario.VmData(nic, Scenario.Marketplace("MicrosoftWindowsServer:WindowsServer:2022-datacenter:latest"), "genvm");
        data.SecurityProfile = new SecurityProfile { SecurityType = SecurityType.TrustedLaunch, UefiSettings = new UefiSettings { IsSecureBootEnabled = true, IsVirtualTpmEnabled = true } };
        ex = await Scenario.Fails(() => rg.GetVirtualMachines().CreateOrUpdateAsync(WaitUntil.Completed, "genvm", data));
        Assert.Equal(400, ex.Status);
        Assert.Contains("TrustedLaunch", ex.Message);

        data = Scenario.VmData(nic, Scenario.Marketplace("MicrosoftWindowsServer:WindowsServer:2022-datacenter-g2:latest"), "genvm");
        data.SecurityProfile = new SecurityProfile { SecurityType = SecurityType.TrustedLaunch, UefiSettings = new UefiSettings { IsSecureBootEnabled = true, IsVirtualTpmEnabled = true } };
        var tl = (await rg.GetVirtualMachines().CreateOrUpdateAsync(WaitUntil.Completed, "genvm", data)).Value;
        Assert.Equal(SecurityType.TrustedLaunch, tl.Data.SecurityProfile.SecurityType);
        var disk = (await rg.GetManagedDisks().GetAsync(tl.Data.StorageProfile.OSDisk.Name)).Value;
        Assert.Equal(DiskSecurityType.TrustedLaunch, disk.Data.SecurityProfile.SecurityType);
    }

    [Theory]
    [InlineData("MicrosoftWindowsServer:WindowsServer:2030-datacenter:latest")]
    [InlineData("MicrosoftWindowsServer:WindowsServer:2022-datacenter-g2:1.2.3")]
    public async Task Unknown_marketplace_image_is_404(string urn)
    {
        var rg = await Group();
        var nic = await Scenario.CreateNicAsync(_f.Client, _f.SubscriptionId, rg.Data.Name, "mp-nic");
        var ex = await Scenario.Fails(() => rg.GetVirtualMachines().CreateOrUpdateAsync(WaitUntil.Completed, "mpvm", Scenario.VmData(nic, Scenario.Marketplace(urn), "mpvm")));
        Assert.Equal(404, ex.Status);
        Assert.Equal("PlatformImageNotFound", ex.ErrorCode);
    }

    [Fact]
    public async Task Vm_with_a_missing_nic_is_refused()
    {
        var rg = await Group();
        var missing = Scenario.Id(_f.SubscriptionId, rg.Data.Name, "Microsoft.Network", "networkInterfaces", "ghost");
        var ex = await Scenario.Fails(() => rg.GetVirtualMachines().CreateOrUpdateAsync(WaitUntil.Completed, "nicvm",
            Scenario.VmData(missing, Scenario.Marketplace("Canonical:ubuntu-24_04-lts:server:latest"), "nicvm")));
        Assert.Equal(400, ex.Status);
        Assert.Equal("InvalidResourceReference", ex.ErrorCode);
    }

    [Fact]
    public async Task Missing_resource_group_is_ResourceGroupNotFound()
    {
        var rg = _f.Client.GetResourceGroupResource(ResourceGroupResource.CreateResourceIdentifier(_f.SubscriptionId, "does-not-exist"));
        var ex = await Scenario.Fails(() => rg.GetVirtualMachineAsync("x"));
        Assert.Equal(404, ex.Status);
        Assert.Equal("ResourceGroupNotFound", ex.ErrorCode);
        Assert.Contains("Resource group 'does-not-exist' could not be found.", ex.Message);
    }

    [Fact]
    public async Task Missing_vm_is_ResourceNotFound_and_lookups_ignore_case()
    {
        var rg = await Group();
        var ex = await Scenario.Fails(() => rg.GetVirtualMachineAsync("nope"));
        Assert.Equal("ResourceNotFound", ex.ErrorCode);
        Assert.Contains("Microsoft.Compute/virtualMachines/nope", ex.Message);
        await Seed(rg, "MixedCase", "running");
        var vm = (await rg.GetVirtualMachineAsync("mixedcase")).Value;
        Assert.Equal("MixedCase", vm.Data.Name);
        Assert.EndsWith("/virtualMachines/MixedCase", vm.Id.ToString());
    }

    [Fact]
    public async Task Quota_usage_reflects_vms_and_over_quota_create_is_refused()
    {
        var rg = await Group("westus3");
        await _f.Server.Control.SetQuotaAsync("westus3", new Dictionary<string, long> { ["standardDSv5Family"] = 4 });
        await Seed(rg, "q1", "running", r => r.VmSize = "Standard_D2s_v5");
        var usage = new List<ComputeUsage>();
        await foreach (var u in _f.Subscription.GetUsagesAsync(new AzureLocation("westus3"))) usage.Add(u);
        var family = usage.Single(u => u.Name.Value == "standardDSv5Family");
        Assert.Equal(2, family.CurrentValue);
        Assert.Equal(4, family.Limit);
        Assert.Equal(2, usage.Single(u => u.Name.Value == "cores").CurrentValue);

        var nic = await Scenario.CreateNicAsync(_f.Client, _f.SubscriptionId, rg.Data.Name, "q2-nic", "westus3");
        var ex = await Scenario.Fails(() => rg.GetVirtualMachines().CreateOrUpdateAsync(WaitUntil.Completed, "q2",
            Scenario.VmData(nic, Scenario.Marketplace("Canonical:ubuntu-24_04-lts:server:latest"), "q2", "westus3", "Standard_D4s_v5")));
        Assert.Equal(409, ex.Status);
        Assert.Equal("OperationNotAllowed", ex.ErrorCode);
        Assert.Contains("exceeding approved Standard DSv5 Family Cores quota", ex.Message);
    }

    [Fact]
    public async Task Vm_sizes_list_the_common_sizes()
    {
        var sizes = new List<VirtualMachineSize>();
        await foreach (var s in _f.Subscription.GetVirtualMachineSizesAsync(new AzureLocation("eastus"))) sizes.Add(s);
        foreach (var name in new[] { "Standard_B2s", "Standard_D2s_v5", "Standard_D4s_v5", "Standard_DS1_v2", "Standard_D2s_v3" })
            Assert.Contains(sizes, s => s.Name == name && s.NumberOfCores > 0 && s.MemoryInMB > 0);
    }

    [Fact]
    public async Task Attached_disk_cannot_be_deleted_and_vm_delete_releases_it()
    {
        var rg = await Group();
        var vm = await Seed(rg, "dvm", "running", r => r.DataDisks = 1);
        var data = (await vm.GetAsync()).Value.Data;
        var disk = (await rg.GetManagedDisks().GetAsync(data.StorageProfile.DataDisks[0].Name)).Value;
        Assert.Equal(vm.Id.ToString(), disk.Data.ManagedBy?.ToString());
        var ex = await Scenario.Fails(() => disk.DeleteAsync(WaitUntil.Completed));
        Assert.Equal(409, ex.Status);
        await vm.DeleteAsync(WaitUntil.Completed, forceDeletion: true);
        disk = (await rg.GetManagedDisks().GetAsync(disk.Data.Name)).Value;
        Assert.Null(disk.Data.ManagedBy);
        Assert.Equal(DiskState.Unattached, disk.Data.DiskState);
        await disk.DeleteAsync(WaitUntil.Completed);
        Assert.False((await rg.GetManagedDisks().ExistsAsync(disk.Data.Name)).Value);
    }

    [Fact]
    public async Task Concurrent_creation_of_many_vms_succeeds()
    {
        var rg = await Group("northeurope");
        await Scenario.CreateNicAsync(_f.Client, _f.SubscriptionId, rg.Data.Name, "warm-nic", "northeurope");
        var tasks = Enumerable.Range(0, 40).Select(async i =>
        {
            var nic = await Scenario.CreateNicAsync(_f.Client, _f.SubscriptionId, rg.Data.Name, $"fan{i}-nic", "northeurope");
            var data = Scenario.VmData(nic, Scenario.Marketplace("Canonical:ubuntu-24_04-lts:server:latest"), $"fan{i}", "northeurope", "Standard_B2s");
            return (await rg.GetVirtualMachines().CreateOrUpdateAsync(WaitUntil.Completed, $"fan{i}", data)).Value;
        });
        var vms = await Task.WhenAll(tasks);
        Assert.Equal(40, vms.Select(v => v.Data.VmId).Distinct().Count());
        var listed = new List<VirtualMachineResource>();
        await foreach (var v in rg.GetVirtualMachines().GetAllAsync()) listed.Add(v);
        Assert.Equal(40, listed.Count);
    }
}
