using Azure;
using Azure.Core;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;
using Azure.ResourceManager.Resources;
using ImageTools.Emulator.Control;

namespace ImageTools.Emulator.Tests;

/// <summary>Virtual machine scale sets (deploy, instances, model updates, OS rolling upgrade) through the SDK.</summary>
public sealed class ScaleSetTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;
    public ScaleSetTests(EmulatorFixture f) { _f = f; }

    private sealed record Setup(ResourceGroupResource Rg, GalleryImageResource Definition, ResourceIdentifier Source, ResourceIdentifier Subnet);

    private async Task<Setup> Prepare(string osState = "Generalized")
    {
        var rg = await _f.CreateResourceGroupAsync(_f.UniqueName("rg-vmss-"));
        var gallery = (await rg.GetGalleries().CreateOrUpdateAsync(WaitUntil.Completed, "gal", new GalleryData(rg.Data.Location))).Value;
        var definition = (await gallery.GetGalleryImages().CreateOrUpdateAsync(WaitUntil.Completed, "web", new GalleryImageData(rg.Data.Location)
        {
            OSType = SupportedOperatingSystemType.Windows,
            OSState = osState == "Generalized" ? OperatingSystemStateType.Generalized : OperatingSystemStateType.Specialized,
            HyperVGeneration = HyperVGeneration.V2,
            Identifier = new GalleryImageIdentifier("pub", "offer", "sku"),
        })).Value;
        var seeded = await _f.Server.Control.SeedVmAsync(new SeedVmRequest { ResourceGroup = rg.Data.Name, Name = "src", State = osState == "Generalized" ? "generalized" : "deallocated" });
        await Publish(definition, new ResourceIdentifier(seeded.Id), "1.0.0");
        var nic = await Scenario.CreateNicAsync(_f.Client, _f.SubscriptionId, rg.Data.Name, "probe-nic");
        var subnet = new ResourceIdentifier($"/subscriptions/{_f.SubscriptionId}/resourceGroups/{rg.Data.Name}/providers/Microsoft.Network/virtualNetworks/vnet-eastus/subnets/default");
        return new Setup(rg, definition, new ResourceIdentifier(seeded.Id), subnet);
    }

    private static async Task Publish(GalleryImageResource definition, ResourceIdentifier source, string version)
    {
        var data = new GalleryImageVersionData(new AzureLocation("eastus"))
        {
            PublishingProfile = new GalleryImageVersionPublishingProfile(),
            StorageProfile = new GalleryImageVersionStorageProfile { GallerySource = new GalleryArtifactVersionFullSource { Id = source } },
        };
        data.PublishingProfile.TargetRegions.Add(new TargetRegion("eastus"));
        await definition.GetGalleryImageVersions().CreateOrUpdateAsync(WaitUntil.Completed, version, data);
    }

    private static VirtualMachineScaleSetData ScaleSet(Setup s, ResourceIdentifier image, int capacity, OrchestrationMode? mode = null,
        VirtualMachineScaleSetUpgradeMode? upgrade = null, bool osProfile = true, bool healthExtension = false, int batchPercent = 20)
    {
        var nic = new VirtualMachineScaleSetNetworkConfiguration("nic") { Primary = true };
        nic.IPConfigurations.Add(new VirtualMachineScaleSetIPConfiguration("ip") { SubnetId = s.Subnet });
        var data = new VirtualMachineScaleSetData(new AzureLocation("eastus"))
        {
            Sku = new ComputeSku { Name = "Standard_D2s_v5", Tier = "Standard", Capacity = capacity },
            VirtualMachineProfile = new VirtualMachineScaleSetVmProfile
            {
                StorageProfile = new VirtualMachineScaleSetStorageProfile
                {
                    ImageReference = new ImageReference { Id = image },
                    OSDisk = new VirtualMachineScaleSetOSDisk(DiskCreateOptionType.FromImage) { ManagedDisk = new VirtualMachineScaleSetManagedDisk { StorageAccountType = StorageAccountType.PremiumLrs } },
                },
                NetworkProfile = new VirtualMachineScaleSetNetworkProfile { NetworkApiVersion = "2020-11-01" },
            },
        };
        data.VirtualMachineProfile.NetworkProfile.NetworkInterfaceConfigurations.Add(nic);
        if (mode is not null) data.OrchestrationMode = mode;
        if (osProfile) data.VirtualMachineProfile.OSProfile = new VirtualMachineScaleSetOSProfile { ComputerNamePrefix = "web", AdminUsername = "azureadmin", AdminPassword = Scenario.Password };
        if (upgrade is not null) data.UpgradePolicy = new VirtualMachineScaleSetUpgradePolicy { Mode = upgrade, RollingUpgradePolicy = new RollingUpgradePolicy { MaxBatchInstancePercent = batchPercent } };
        if (healthExtension)
        {
            data.VirtualMachineProfile.ExtensionProfile = new VirtualMachineScaleSetExtensionProfile();
            data.VirtualMachineProfile.ExtensionProfile.Extensions.Add(new VirtualMachineScaleSetExtensionData("health")
            {
                Publisher = "Microsoft.ManagedServices", ExtensionType = "ApplicationHealthWindows", TypeHandlerVersion = "1.0",
            });
        }
        return data;
    }

    private async Task<List<VirtualMachineResource>> FlexibleInstances(ResourceGroupResource rg, ResourceIdentifier vmss)
    {
        var list = new List<VirtualMachineResource>();
        await foreach (var vm in rg.GetVirtualMachines().GetAllAsync($"'virtualMachineScaleSet/id' eq '{vmss}'")) list.Add(vm);
        return list;
    }

    [Fact]
    public async Task A_scale_set_is_Flexible_by_default_and_its_instances_are_vms_from_the_definitions_latest_version()
    {
        var s = await Prepare();
        var vmss = (await s.Rg.GetVirtualMachineScaleSets().CreateOrUpdateAsync(WaitUntil.Completed, "web", ScaleSet(s, s.Definition.Id, 3))).Value;
        Assert.Equal(OrchestrationMode.Flexible, vmss.Data.OrchestrationMode);
        Assert.Equal(3, vmss.Data.Sku.Capacity);
        Assert.Equal("Succeeded", vmss.Data.ProvisioningState);
        Assert.Equal(VirtualMachineScaleSetUpgradeMode.Manual, vmss.Data.UpgradePolicy.Mode);
        Assert.Null(vmss.Data.VirtualMachineProfile.OSProfile.AdminPassword);

        var instances = await FlexibleInstances(s.Rg, vmss.Id);
        Assert.Equal(3, instances.Count);
        foreach (var vm in instances)
        {
            Assert.StartsWith("web_", vm.Data.Name);
            Assert.Equal(vmss.Id.ToString(), vm.Data.VirtualMachineScaleSetId.ToString(), ignoreCase: true);
            Assert.Equal("1.0.0", vm.Data.StorageProfile.ImageReference.ExactVersion);
            Assert.StartsWith("web", vm.Data.OSProfile.ComputerName);
            Assert.Contains((await vm.InstanceViewAsync()).Value.Statuses, st => st.Code == "PowerState/running");
        }
        // The other VMs of the group are not in the filtered list.
        var all = new List<VirtualMachineResource>();
        await foreach (var vm in s.Rg.GetVirtualMachines().GetAllAsync()) all.Add(vm);
        Assert.Equal(4, all.Count);

        var ex = await Scenario.Fails(async () => { await foreach (var _ in vmss.GetVirtualMachineScaleSetVms().GetAllAsync()) { } });
        Assert.Equal(409, ex.Status);

        await vmss.DeleteAsync(WaitUntil.Completed);
        Assert.Empty(await FlexibleInstances(s.Rg, vmss.Id));
        var disks = new List<ManagedDiskResource>();
        await foreach (var d in s.Rg.GetManagedDisks().GetAllAsync()) disks.Add(d);
        Assert.DoesNotContain(disks, d => d.Data.Name.StartsWith("web_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_Uniform_scale_set_lists_its_instances_and_scales_out_and_in()
    {
        var s = await Prepare();
        var image = (await s.Rg.GetDiskImages().CreateOrUpdateAsync(WaitUntil.Completed, "img", new DiskImageData(new AzureLocation("eastus")) { SourceVirtualMachineId = s.Source })).Value;
        var vmss = (await s.Rg.GetVirtualMachineScaleSets().CreateOrUpdateAsync(WaitUntil.Completed, "uni", ScaleSet(s, image.Id, 2, OrchestrationMode.Uniform))).Value;
        Assert.Equal(OrchestrationMode.Uniform, vmss.Data.OrchestrationMode);
        var instances = new List<VirtualMachineScaleSetVmResource>();
        await foreach (var i in vmss.GetVirtualMachineScaleSetVms().GetAllAsync()) instances.Add(i);
        Assert.Equal(new[] { "0", "1" }, instances.Select(i => i.Data.InstanceId));
        Assert.Equal(new[] { "uni_0", "uni_1" }, instances.Select(i => i.Data.Name));
        Assert.All(instances, i => Assert.True(i.Data.LatestModelApplied));
        Assert.Equal(image.Id.ToString(), instances[0].Data.StorageProfile.ImageReference.Id.ToString(), ignoreCase: true);
        Assert.Equal("web000001", instances[1].Data.OSProfile.ComputerName);
        var one = (await vmss.GetVirtualMachineScaleSetVmAsync("1")).Value;
        Assert.Equal("Succeeded", one.Data.ProvisioningState);
        var guest = await _f.Server.Control.GetGuestAsync(s.Rg.Data.Name, "uni_1");
        Assert.Equal("running", guest.PowerState);
        Assert.Equal("IMAGE_STATE_COMPLETE", guest.ImageState);

        var grown = (await vmss.UpdateAsync(WaitUntil.Completed, new VirtualMachineScaleSetPatch { Sku = new ComputeSku { Name = "Standard_D2s_v5", Capacity = 4 } })).Value;
        Assert.Equal(4, grown.Data.Sku.Capacity);
        instances.Clear();
        await foreach (var i in vmss.GetVirtualMachineScaleSetVms().GetAllAsync()) instances.Add(i);
        Assert.Equal(new[] { "0", "1", "2", "3" }, instances.Select(i => i.Data.InstanceId));
        await vmss.UpdateAsync(WaitUntil.Completed, new VirtualMachineScaleSetPatch { Sku = new ComputeSku { Name = "Standard_D2s_v5", Capacity = 1 } });
        instances.Clear();
        await foreach (var i in vmss.GetVirtualMachineScaleSetVms().GetAllAsync()) instances.Add(i);
        Assert.Equal(new[] { "0" }, instances.Select(i => i.Data.InstanceId));
    }

    [Fact]
    public async Task OsProfile_follows_the_images_state_and_Rolling_needs_a_health_signal()
    {
        var s = await Prepare();
        var ex = await Scenario.Fails(() => s.Rg.GetVirtualMachineScaleSets().CreateOrUpdateAsync(WaitUntil.Completed, "noprof", ScaleSet(s, s.Definition.Id, 1, osProfile: false)));
        Assert.Equal(400, ex.Status);
        Assert.Contains("Required parameter 'osProfile' is missing (null).", ex.Message);

        ex = await Scenario.Fails(() => s.Rg.GetVirtualMachineScaleSets().CreateOrUpdateAsync(WaitUntil.Completed, "roll", ScaleSet(s, s.Definition.Id, 1, upgrade: VirtualMachineScaleSetUpgradeMode.Rolling)));
        Assert.Equal(400, ex.Status);
        Assert.Equal("BadRequest", ex.ErrorCode);
        Assert.Contains("Rolling Upgrade mode is not supported for this Virtual Machine Scale Set because a health probe or health extension was not provided.", ex.Message);

        var spec = await Prepare("Specialized");
        ex = await Scenario.Fails(() => spec.Rg.GetVirtualMachineScaleSets().CreateOrUpdateAsync(WaitUntil.Completed, "spec1", ScaleSet(spec, spec.Definition.Id, 1)));
        Assert.Contains("Parameter 'osProfile' is not allowed.", ex.Message);
        var specialized = (await spec.Rg.GetVirtualMachineScaleSets().CreateOrUpdateAsync(WaitUntil.Completed, "spec2", ScaleSet(spec, spec.Definition.Id, 2, osProfile: false))).Value;
        Assert.Equal(2, (await FlexibleInstances(spec.Rg, specialized.Id)).Count);

        // Uniform with capacity 0 is fine; changing the mode afterwards is not.
        await s.Rg.GetVirtualMachineScaleSets().CreateOrUpdateAsync(WaitUntil.Completed, "flip", ScaleSet(s, s.Definition.Id, 0, OrchestrationMode.Uniform));
        var flexible = ScaleSet(s, s.Definition.Id, 0, OrchestrationMode.Flexible);
        ex = await Scenario.Fails(() => s.Rg.GetVirtualMachineScaleSets().CreateOrUpdateAsync(WaitUntil.Completed, "flip", flexible));
        Assert.Equal("PropertyChangeNotAllowed", ex.ErrorCode);
        Assert.Contains("Changing property 'orchestrationMode' is not allowed.", ex.Message);
    }

    [Fact]
    public async Task Instances_count_against_the_vcpu_quota()
    {
        var s = await Prepare();
        await _f.Server.Control.SetQuotaAsync("westus", new Dictionary<string, long> { ["cores"] = 5 });
        var west = ScaleSet(s, s.Definition.Id, 3);
        west.Location = new AzureLocation("westus");
        // The gallery version is only in eastus: westus cannot use it. Use the marketplace there.
        west.VirtualMachineProfile.StorageProfile.ImageReference = Scenario.Marketplace("MicrosoftWindowsServer:WindowsServer:2022-datacenter-g2:latest");
        var ex = await Scenario.Fails(() => s.Rg.GetVirtualMachineScaleSets().CreateOrUpdateAsync(WaitUntil.Completed, "big", west));
        Assert.Equal(409, ex.Status);
        Assert.Contains("Total Regional Cores quota", ex.Message);
        west.Sku.Capacity = 2;
        var ok = (await s.Rg.GetVirtualMachineScaleSets().CreateOrUpdateAsync(WaitUntil.Completed, "big", west)).Value;
        ex = await Scenario.Fails(() => ok.UpdateAsync(WaitUntil.Completed, new VirtualMachineScaleSetPatch { Sku = new ComputeSku { Name = "Standard_D2s_v5", Capacity = 3 } }));
        Assert.Contains("Current Usage: 4", ex.Message);
    }

    [Fact]
    public async Task An_os_rolling_upgrade_moves_the_instances_to_the_latest_version_in_batches()
    {
        var s = await Prepare();
        var vmss = (await s.Rg.GetVirtualMachineScaleSets().CreateOrUpdateAsync(WaitUntil.Completed, "roll",
            ScaleSet(s, s.Definition.Id, 4, upgrade: VirtualMachineScaleSetUpgradeMode.Rolling, healthExtension: true, batchPercent: 50))).Value;
        Assert.Equal(50, vmss.Data.UpgradePolicy.RollingUpgradePolicy.MaxBatchInstancePercent);
        Assert.All(await FlexibleInstances(s.Rg, vmss.Id), vm => Assert.Equal("1.0.0", vm.Data.StorageProfile.ImageReference.ExactVersion));
        var none = await Scenario.Fails(() => vmss.GetVirtualMachineScaleSetRollingUpgrade().GetAsync());
        Assert.Equal(404, none.Status);

        await Publish(s.Definition, s.Source, "1.1.0");
        await _f.Server.Control.SetTimingAsync(new TimingSettings { PerKind = new() { ["rollingUpgradeBatch"] = 1 } });
        try
        {
            var operation = await vmss.StartOSUpgradeAsync(WaitUntil.Started);
            var status = (await vmss.GetVirtualMachineScaleSetRollingUpgrade().GetAsync()).Value.Data;
            Assert.Equal(RollingUpgradeStatusCode.RollingForward, status.RunningStatus.Code);
            Assert.Equal(RollingUpgradeActionType.Start, status.RunningStatus.LastAction);
            Assert.Equal(0, status.Progress.SuccessfulInstanceCount);
            Assert.Equal(2, status.Progress.InProgressInstanceCount);
            Assert.Equal(2, status.Progress.PendingInstanceCount);
            Assert.Equal(50, status.Policy.MaxBatchInstancePercent);
            var again = await Scenario.Fails(() => vmss.StartOSUpgradeAsync(WaitUntil.Started));
            Assert.Equal(409, again.Status);

            await operation.WaitForCompletionResponseAsync(TimeSpan.FromMilliseconds(200));
            status = (await vmss.GetVirtualMachineScaleSetRollingUpgrade().GetAsync()).Value.Data;
            Assert.Equal(RollingUpgradeStatusCode.Completed, status.RunningStatus.Code);
            Assert.Equal(4, status.Progress.SuccessfulInstanceCount);
            Assert.Equal(0, status.Progress.PendingInstanceCount + status.Progress.InProgressInstanceCount + status.Progress.FailedInstanceCount);
            Assert.All(await FlexibleInstances(s.Rg, vmss.Id), vm => Assert.Equal("1.1.0", vm.Data.StorageProfile.ImageReference.ExactVersion));
        }
        finally
        {
            await _f.Server.Control.SetTimingAsync(new TimingSettings());
        }

        // An injected operation failure faults the upgrade with that error.
        await _f.Server.Control.AddFaultAsync(new FaultRule { Kind = "lroFailed", PathPattern = "osRollingUpgrade", ErrorCode = "RollingUpgradeFailed", ErrorMessage = "Instances failed health checks." });
        var failed = await Scenario.Fails(async () => await vmss.StartOSUpgradeAsync(WaitUntil.Completed));
        Assert.Equal("RollingUpgradeFailed", failed.ErrorCode);
        var faulted = (await vmss.GetVirtualMachineScaleSetRollingUpgrade().GetAsync()).Value.Data;
        Assert.Equal(RollingUpgradeStatusCode.Faulted, faulted.RunningStatus.Code);
        Assert.Equal(2, faulted.Progress.FailedInstanceCount);
        Assert.Equal("RollingUpgradeFailed", faulted.Error.Code);
    }

    [Theory]
    [InlineData("Manual")]
    [InlineData("Automatic")]
    public async Task A_model_image_change_is_applied_at_once_when_Automatic_and_left_to_the_owner_when_Manual(string mode)
    {
        var s = await Prepare();
        var first = (await s.Rg.GetDiskImages().CreateOrUpdateAsync(WaitUntil.Completed, "img1", new DiskImageData(new AzureLocation("eastus")) { SourceVirtualMachineId = s.Source })).Value;
        var second = (await s.Rg.GetDiskImages().CreateOrUpdateAsync(WaitUntil.Completed, "img2", new DiskImageData(new AzureLocation("eastus")) { SourceVirtualMachineId = s.Source })).Value;
        var vmss = (await s.Rg.GetVirtualMachineScaleSets().CreateOrUpdateAsync(WaitUntil.Completed, "model",
            ScaleSet(s, first.Id, 2, OrchestrationMode.Uniform, mode == "Automatic" ? VirtualMachineScaleSetUpgradeMode.Automatic : VirtualMachineScaleSetUpgradeMode.Manual))).Value;
        var data = vmss.Data;
        data.VirtualMachineProfile.StorageProfile.ImageReference = new ImageReference { Id = second.Id };
        await s.Rg.GetVirtualMachineScaleSets().CreateOrUpdateAsync(WaitUntil.Completed, "model", data);
        var instances = new List<VirtualMachineScaleSetVmResource>();
        await foreach (var i in vmss.GetVirtualMachineScaleSetVms().GetAllAsync()) instances.Add(i);
        Assert.Equal(2, instances.Count);
        foreach (var instance in instances)
        {
            Assert.Equal(mode == "Automatic", instance.Data.LatestModelApplied);
            Assert.Equal((mode == "Automatic" ? second : first).Id.ToString(), instance.Data.StorageProfile.ImageReference.Id.ToString(), ignoreCase: true);
        }
    }

    [Fact]
    public async Task A_model_change_in_Rolling_mode_rolls_out_and_a_rolling_upgrade_can_be_cancelled()
    {
        var s = await Prepare();
        var vmss = (await s.Rg.GetVirtualMachineScaleSets().CreateOrUpdateAsync(WaitUntil.Completed, "auto",
            ScaleSet(s, s.Definition.Id, 2, upgrade: VirtualMachineScaleSetUpgradeMode.Rolling, healthExtension: true, batchPercent: 50))).Value;
        var version = new ResourceIdentifier(s.Definition.Id + "/versions/1.0.0");
        await Publish(s.Definition, s.Source, "2.0.0");
        var data = vmss.Data;
        data.VirtualMachineProfile.StorageProfile.ImageReference = new ImageReference { Id = version };
        await s.Rg.GetVirtualMachineScaleSets().CreateOrUpdateAsync(WaitUntil.Completed, "auto", data);
        var status = (await vmss.GetVirtualMachineScaleSetRollingUpgrade().GetAsync()).Value.Data;
        Assert.Equal(RollingUpgradeStatusCode.Completed, status.RunningStatus.Code);
        Assert.Equal(2, status.Progress.SuccessfulInstanceCount);
        Assert.All(await FlexibleInstances(s.Rg, vmss.Id), vm => Assert.Equal(version.ToString(), vm.Data.StorageProfile.ImageReference.Id.ToString(), ignoreCase: true));

        await _f.Server.Control.SetTimingAsync(new TimingSettings { PerKind = new() { ["rollingUpgradeBatch"] = 30 } });
        try
        {
            await vmss.StartOSUpgradeAsync(WaitUntil.Started);
            var refused = await Scenario.Fails(() => s.Rg.GetVirtualMachineScaleSets().CreateOrUpdateAsync(WaitUntil.Completed, "auto", data));
            Assert.Equal(409, refused.Status);
            await vmss.CancelVirtualMachineScaleSetRollingUpgradeAsync(WaitUntil.Completed);
            status = (await vmss.GetVirtualMachineScaleSetRollingUpgrade().GetAsync()).Value.Data;
            Assert.Equal(RollingUpgradeStatusCode.Cancelled, status.RunningStatus.Code);
            Assert.Equal(RollingUpgradeActionType.Cancel, status.RunningStatus.LastAction);
            Assert.Equal(0, status.Progress.SuccessfulInstanceCount);
            Assert.Equal(2, status.Progress.PendingInstanceCount);
        }
        finally
        {
            await _f.Server.Control.SetTimingAsync(new TimingSettings());
        }
    }
}
