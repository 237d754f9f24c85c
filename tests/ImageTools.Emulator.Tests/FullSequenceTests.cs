using Azure;
using Azure.Core;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;
using ImageTools.Emulator.Control;

namespace ImageTools.Emulator.Tests;

public sealed class FullSequenceTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;
    public FullSequenceTests(EmulatorFixture f) { _f = f; }

    [Fact]
    public async Task Marketplace_vm_to_sysprep_to_image_to_gallery_version_to_new_vm()
    {
        var rg = await _f.CreateResourceGroupAsync(_f.UniqueName("rg-seq-"), "eastus");
        var vm = await Scenario.CreateMarketplaceVmAsync(_f, rg, "base01");
        Assert.Equal("Succeeded", vm.Data.ProvisioningState);
        Assert.Equal("2022-datacenter-g2", vm.Data.StorageProfile.ImageReference.Sku);
        Assert.False(string.IsNullOrEmpty(vm.Data.StorageProfile.ImageReference.ExactVersion));
        var view = (await vm.InstanceViewAsync()).Value;
        Assert.Contains(view.Statuses, s => s.Code == "PowerState/running");
        Assert.Equal("Ready", view.VmAgent.Statuses.Single().DisplayStatus);
        Assert.Equal(HyperVGeneration.V2, view.HyperVGeneration);

        // Sysprep through Run Command, then read ImageState.
        var sysprep = new RunCommandInput("RunPowerShellScript");
        sysprep.Script.Add(@"& $env:SystemRoot\System32\Sysprep\sysprep.exe /generalize /oobe /mode:vm /quiet /quit");
        var result = (await vm.RunCommandAsync(WaitUntil.Completed, sysprep)).Value;
        Assert.Equal("ComponentStatus/StdOut/succeeded", result.Value[0].Code);
        Assert.Equal("ComponentStatus/StdErr/succeeded", result.Value[1].Code);
        Assert.Equal("", result.Value[1].Message);
        var probe = new RunCommandInput("RunPowerShellScript");
        probe.Script.Add(@"(Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Setup\State').ImageState");
        var state = (await vm.RunCommandAsync(WaitUntil.Completed, probe)).Value;
        Assert.Equal("IMAGE_STATE_GENERALIZE_RESEAL_TO_OOBE", state.Value[0].Message);

        await vm.DeallocateAsync(WaitUntil.Completed);
        await vm.GeneralizeAsync();
        view = (await vm.InstanceViewAsync()).Value;
        Assert.Contains(view.Statuses, s => s.Code == "OSState/generalized" && s.DisplayStatus == "VM generalized");
        Assert.Contains(view.Statuses, s => s.Code == "PowerState/deallocated");

        // Managed image.
        var imageData = new DiskImageData(new AzureLocation("eastus")) { SourceVirtualMachineId = vm.Id };
        var image = (await rg.GetDiskImages().CreateOrUpdateAsync(WaitUntil.Completed, "base01-image", imageData)).Value;
        Assert.Equal("Succeeded", image.Data.ProvisioningState);
        Assert.Equal(HyperVGeneration.V2, image.Data.HyperVGeneration);
        Assert.Equal(SupportedOperatingSystemType.Windows, image.Data.StorageProfile.OSDisk.OSType);
        Assert.Equal(OperatingSystemStateType.Generalized, image.Data.StorageProfile.OSDisk.OSState);

        // Gallery, definition, version in two regions.
        var gallery = (await rg.GetGalleries().CreateOrUpdateAsync(WaitUntil.Completed, "corp", new GalleryData(new AzureLocation("eastus")))).Value;
        var definitionData = new GalleryImageData(new AzureLocation("eastus"))
        {
            OSType = SupportedOperatingSystemType.Windows,
            OSState = OperatingSystemStateType.Generalized,
            HyperVGeneration = HyperVGeneration.V2,
            Identifier = new GalleryImageIdentifier("contoso", "web", "2022"),
        };
        var definition = (await gallery.GetGalleryImages().CreateOrUpdateAsync(WaitUntil.Completed, "web", definitionData)).Value;
        await _f.Server.Control.SetReplicationAsync(new ReplicationSettings { SecondsPerRegion = 1.5 });
        var versionData = new GalleryImageVersionData(new AzureLocation("eastus"))
        {
            PublishingProfile = new GalleryImageVersionPublishingProfile(),
            StorageProfile = new GalleryImageVersionStorageProfile { GallerySource = new GalleryArtifactVersionFullSource { Id = image.Id } },
        };
        versionData.PublishingProfile.TargetRegions.Add(new TargetRegion("eastus") { RegionalReplicaCount = 2 });
        versionData.PublishingProfile.TargetRegions.Add(new TargetRegion("westeurope"));
        var version = (await definition.GetGalleryImageVersions().CreateOrUpdateAsync(WaitUntil.Completed, "1.0.0", versionData)).Value;
        Assert.Equal(GalleryProvisioningState.Succeeded, version.Data.ProvisioningState);

        var read = (await version.GetAsync(ReplicationStatusType.ReplicationStatus)).Value;
        Assert.Equal(AggregatedReplicationState.InProgress, read.Data.ReplicationStatus.AggregatedState);
        Assert.Contains(read.Data.ReplicationStatus.Summary, s => s.Region == "West Europe" && s.State == RegionalReplicationState.Replicating && s.Progress < 100);

        // A VM in westeurope cannot use it until the replica is Completed.
        var nicWe = await Scenario.CreateNicAsync(_f.Client, _f.SubscriptionId, rg.Data.Name, "web1-nic", "westeurope");
        var fromDefinition = Scenario.VmData(nicWe, new ImageReference { Id = definition.Id }, "web1", "westeurope");
        var early = await Scenario.Fails(() => rg.GetVirtualMachines().CreateOrUpdateAsync(WaitUntil.Completed, "web1", fromDefinition));
        Assert.Equal("GalleryImageNotFound", early.ErrorCode);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        do
        {
            await Task.Delay(250);
            read = (await version.GetAsync(ReplicationStatusType.ReplicationStatus)).Value;
        } while (read.Data.ReplicationStatus.AggregatedState != AggregatedReplicationState.Completed && DateTime.UtcNow < deadline);
        Assert.Equal(AggregatedReplicationState.Completed, read.Data.ReplicationStatus.AggregatedState);
        Assert.All(read.Data.ReplicationStatus.Summary, s => Assert.Equal(100, s.Progress));

        var web1 = (await rg.GetVirtualMachines().CreateOrUpdateAsync(WaitUntil.Completed, "web1", fromDefinition)).Value;
        Assert.Equal(definition.Id.ToString(), web1.Data.StorageProfile.ImageReference.Id.ToString());
        Assert.Equal("1.0.0", web1.Data.StorageProfile.ImageReference.ExactVersion);
        var disk = (await rg.GetManagedDisks().GetAsync(web1.Data.StorageProfile.OSDisk.Name)).Value;
        Assert.Equal(web1.Id.ToString(), disk.Data.ManagedBy.ToString());
        Assert.Equal(HyperVGeneration.V2, disk.Data.HyperVGeneration);

        var requests = await _f.Server.Control.GetRequestsAsync();
        Assert.Contains(requests, r => r.Poll);
        Assert.DoesNotContain(requests, r => r.Status >= 500);
    }
}
