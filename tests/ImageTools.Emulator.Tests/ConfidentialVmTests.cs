using System.Net;
using Azure;
using Azure.Core;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;
using Azure.ResourceManager.Resources;
using ImageTools.Emulator.Control;

namespace ImageTools.Emulator.Tests;

/// <summary>Confidential VMs: capable marketplace images, confidential sizes, the OS disk's securityEncryptionType.</summary>
public sealed class ConfidentialVmTests : IClassFixture<EmulatorFixture>
{
    private const string UbuntuCvm = "Canonical:0001-com-ubuntu-confidential-vm-jammy:22_04-lts-cvm:latest";
    private const string WindowsCvm = "MicrosoftWindowsServer:windows-cvm:2022-datacenter-cvm:latest";
    private readonly EmulatorFixture _f;
    public ConfidentialVmTests(EmulatorFixture f) { _f = f; }

    private async Task<ResourceGroupResource> Group() => await _f.CreateResourceGroupAsync(_f.UniqueName("rg-cvm-"));

    private Task<VirtualMachineResource> Create(ResourceGroupResource rg, string name, string urn = UbuntuCvm, string size = "Standard_DC2as_v5",
        string? securityType = "ConfidentialVM", string? encryption = "VMGuestStateOnly", bool? vTpm = true, bool? secureBoot = true) =>
        Scenario.CreateMarketplaceVmAsync(_f, rg, name, urn, customize: data =>
        {
            data.HardwareProfile.VmSize = new VirtualMachineSizeType(size);
            if (urn.StartsWith("Canonical")) data.OSProfile.ComputerName = name;
            if (securityType is not null)
                data.SecurityProfile = new SecurityProfile { SecurityType = new SecurityType(securityType), UefiSettings = new UefiSettings { IsSecureBootEnabled = secureBoot, IsVirtualTpmEnabled = vTpm } };
            if (encryption is not null) data.StorageProfile.OSDisk.ManagedDisk.SecurityProfile = new VirtualMachineDiskSecurityProfile { SecurityEncryptionType = new SecurityEncryptionType(encryption) };
        });

    [Theory]
    [InlineData(UbuntuCvm, "VMGuestStateOnly", "ConfidentialVM_VMGuestStateOnlyEncryptedWithPlatformKey")]
    [InlineData(WindowsCvm, "DiskWithVMGuestState", "ConfidentialVM_DiskEncryptedWithPlatformKey")]
    public async Task A_confidential_vm_on_a_capable_image_and_size_gets_a_confidential_os_disk(string urn, string encryption, string diskSecurity)
    {
        var rg = await Group();
        var vm = (await Create(rg, "cvm" + encryption.Length, urn, encryption: encryption)).Data;
        Assert.Equal("Succeeded", vm.ProvisioningState);
        Assert.Equal(SecurityType.ConfidentialVm, vm.SecurityProfile.SecurityType);
        Assert.True(vm.SecurityProfile.UefiSettings.IsVirtualTpmEnabled);
        Assert.Equal(new SecurityEncryptionType(encryption), vm.StorageProfile.OSDisk.ManagedDisk.SecurityProfile.SecurityEncryptionType);
        var disk = (await _f.Client.GetManagedDiskResource(vm.StorageProfile.OSDisk.ManagedDisk.Id).GetAsync()).Value.Data;
        Assert.Equal(new DiskSecurityType(diskSecurity), disk.SecurityProfile.SecurityType);
        Assert.Equal(HyperVGeneration.V2, disk.HyperVGeneration);
    }

    [Fact]
    public async Task The_marketplace_reports_cvm_skus_as_trusted_launch_and_confidential_capable()
    {
        using var http = TestArm.RawClient(_f.Server);
        foreach (var urn in new[] { UbuntuCvm, WindowsCvm, "Canonical:ubuntu-24_04-lts:cvm:latest" })
        {
            var p = urn.Split(':');
            var versions = $"subscriptions/{_f.SubscriptionId}/providers/Microsoft.Compute/locations/eastus/publishers/{p[0]}/artifacttypes/vmimage/offers/{p[1]}/skus/{p[2]}/versions";
            var (status, list) = await TestArm.SendAsync(http, HttpMethod.Get, versions + "?api-version=2023-07-01");
            Assert.Equal(HttpStatusCode.OK, status);
            var latest = list!.AsArray().Last()!["name"]!.GetValue<string>();
            var (_, version) = await TestArm.SendAsync(http, HttpMethod.Get, $"{versions}/{latest}?api-version=2023-07-01");
            Assert.Equal("V2", version!["properties"]!["hyperVGeneration"]!.GetValue<string>());
            Assert.Contains(version["properties"]!["features"]!.AsArray(), f => f!["name"]!.GetValue<string>() == "SecurityType" && f["value"]!.GetValue<string>() == "TrustedLaunchAndConfidentialVmSupported");
        }
    }

    [Fact]
    public async Task Confidential_vm_on_an_image_that_is_not_cvm_capable_is_400()
    {
        var ex = await Scenario.Fails(() => Create(Group().Result, "cvmimg", "MicrosoftWindowsServer:WindowsServer:2022-datacenter-g2:latest"));
        Assert.Equal(400, ex.Status);
        Assert.Contains("Use of ConfidentialVM setting is not supported for the provided image.", ex.Message);
    }

    [Theory]
    [InlineData("Standard_D2s_v5")]
    [InlineData("Standard_E2s_v5")]
    public async Task Confidential_vm_on_a_size_outside_the_confidential_families_is_400(string size)
    {
        var ex = await Scenario.Fails(async () => await Create(await Group(), "cvmsize", size: size));
        Assert.Equal(400, ex.Status);
        Assert.Contains($"The VM size '{size}' is not supported for creation of VMs and Virtual Machine Scale Set with 'ConfidentialVM' security type.", ex.Message);
    }

    [Fact]
    public async Task Confidential_vm_without_a_security_encryption_type_is_400_with_its_target()
    {
        var ex = await Scenario.Fails(async () => await Create(await Group(), "cvmenc", encryption: null));
        Assert.Equal("InvalidParameter", ex.ErrorCode);
        Assert.Contains("Required parameter 'osDisk.managedDisk.securityProfile.securityEncryptionType' is missing (null).", ex.Message);
    }

    [Fact]
    public async Task A_security_encryption_type_without_confidential_vm_is_400()
    {
        var ex = await Scenario.Fails(async () => await Create(await Group(), "tlenc", "MicrosoftWindowsServer:WindowsServer:2022-datacenter-g2:latest", "Standard_D2s_v5", "TrustedLaunch"));
        Assert.Equal("InvalidParameter", ex.ErrorCode);
        Assert.Contains("SecurityEncryptionType can only be specified when SecurityType is set to ConfidentialVM.", ex.Message);
    }

    [Fact]
    public async Task An_unknown_security_encryption_type_is_400()
    {
        var ex = await Scenario.Fails(async () => await Create(await Group(), "cvmbad", encryption: "Everything"));
        Assert.Contains("Allowed values are 'VMGuestStateOnly', 'DiskWithVMGuestState', 'NonPersistedTPM'.", ex.Message);
    }

    [Fact]
    public async Task Confidential_vm_keeps_vtpm_on_and_full_disk_encryption_needs_secure_boot()
    {
        var vtpm = await Scenario.Fails(async () => await Create(await Group(), "cvmtpm", vTpm: false));
        Assert.Contains("vTpmEnabled must be true", vtpm.Message);
        var boot = await Scenario.Fails(async () => await Create(await Group(), "cvmsb", WindowsCvm, encryption: "DiskWithVMGuestState", secureBoot: false));
        Assert.Contains("secureBootEnabled must be true when securityEncryptionType is DiskWithVMGuestState.", boot.Message);
        // VMGuestStateOnly runs without secure boot.
        Assert.Equal("Succeeded", (await Create(await Group(), "cvmnosb", secureBoot: false)).Data.ProvisioningState);
    }

    [Fact]
    public async Task A_seeded_confidential_vm_is_on_a_cvm_image_and_size_and_cannot_become_a_managed_image()
    {
        var rg = await Group();
        var seeded = await _f.Server.Control.SeedVmAsync(new SeedVmRequest { ResourceGroup = rg.Data.Name, Name = "seedcvm", Location = "eastus", State = "generalized", SecurityType = "ConfidentialVM" });
        var vm = (await _f.Client.GetVirtualMachineResource(new ResourceIdentifier(seeded.Id)).GetAsync()).Value.Data;
        Assert.Equal("2022-datacenter-cvm", vm.StorageProfile.ImageReference.Sku);
        Assert.Equal("Standard_DC2as_v5", vm.HardwareProfile.VmSize.ToString());
        var disk = (await _f.Client.GetManagedDiskResource(new ResourceIdentifier(seeded.OsDiskId)).GetAsync()).Value.Data;
        Assert.Equal(DiskSecurityType.ConfidentialVmGuestStateOnlyEncryptedWithPlatformKey, disk.SecurityProfile.SecurityType);
        var ex = await Scenario.Fails(() => rg.GetDiskImages().CreateOrUpdateAsync(WaitUntil.Completed, "cvmimage", new DiskImageData(new AzureLocation("eastus")) { SourceVirtualMachineId = new ResourceIdentifier(seeded.Id) }));
        Assert.Equal(409, ex.Status);
        Assert.Contains("Creation of managed images are not supported for virtual machine with ConfidentialVM security type.", ex.Message);
    }
}
