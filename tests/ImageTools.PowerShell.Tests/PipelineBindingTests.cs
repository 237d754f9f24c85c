using ImageTools.PowerShell.Tests.Infrastructure;

namespace ImageTools.PowerShell.Tests;

/// <summary>
/// Objects flow between the real cmdlets by property name: every output's Id binds to the next
/// cmdlet's -ResourceId; Az's PSVirtualMachine, PSImage and PSGalleryImageVersion (here as
/// PSCustomObjects with their property names) and plain id strings bind the same way. The
/// emulator shows which resources each step really read and created.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class PipelineBindingTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task Generalize_output_binds_to_New_CapturedImage_and_the_image_to_New_VmFromImage()
    {
        var group = EmulatorFixture.NewGroup("pipe-img");
        var vm = await emulator.SeedVmAsync(group, "base01");
        using var ps = emulator.Session(new TestHost());

        var run = ps.Run(
            $"Invoke-VmGeneralize -ResourceGroupName {group} -Name base01 -Force | New-CapturedImage | " +
            $"New-VmFromImage -ResourceGroupName {group} -Name web -Count 2 -Credential $cred",
            Kit.Vars(("cred", Kit.Credential()))).AssertClean();

        var vms = run.OutputOf("VmInfo");
        Assert.Equal(run.Output.Count, vms.Count);
        Assert.Equal(new[] { "web-01", "web-02" }, vms.Select(v => RunResult.Prop(v, "Name")).Order());

        Assert.True((await emulator.Control.GetGuestAsync(group, "base01")).Generalized, "the piped VM was generalized");
        var imageId = $"/subscriptions/{emulator.SubscriptionId}/resourceGroups/{group}/providers/Microsoft.Compute/images/base01-image";
        var image = await emulator.GetAsync(imageId);
        Assert.Equal(vm.Id, image.Str("properties", "sourceVirtualMachine", "id"), ignoreCase: true);
        foreach (var created in vms)
        {
            var json = await emulator.GetAsync(RunResult.Prop(created, "Id"));
            Assert.Equal(imageId, json.Str("properties", "storageProfile", "imageReference", "id"), ignoreCase: true);
        }
    }

    [Fact]
    public async Task Generalize_output_binds_to_Publish_GalleryVersion_and_the_version_to_New_VmFromImage()
    {
        var group = EmulatorFixture.NewGroup("pipe-gal");
        var vm = await emulator.SeedVmAsync(group, "lin01", os: "Linux");
        var gallery = Kit.Gallery(group);
        using var ps = emulator.Session(new TestHost());

        var run = ps.Run(
            $"Invoke-VmGeneralize -ResourceGroupName {group} -Name lin01 -Force | " +
            $"Publish-GalleryVersion -GalleryName {gallery} -DefinitionName app -Publisher contoso -Offer app -Sku v1 -Version 1.0.0 | " +
            $"New-VmFromImage -ResourceGroupName {group} -Name app -SshPublicKey $key",
            Kit.Vars(("key", Kit.SshKey))).AssertClean();

        var created = Assert.Single(run.OutputOf("VmInfo"));
        var versionId = $"/subscriptions/{emulator.SubscriptionId}/resourceGroups/{group}/providers/Microsoft.Compute/galleries/{gallery}/images/app/versions/1.0.0";
        var version = await emulator.GetAsync(versionId, "2022-03-03");
        Assert.Equal(vm.Id, version.Str("properties", "storageProfile", "source", "id"), ignoreCase: true);
        var json = await emulator.GetAsync(RunResult.Prop(created, "Id"));
        Assert.Equal(versionId, json.Str("properties", "storageProfile", "imageReference", "id"), ignoreCase: true);
        Assert.Equal("Linux", RunResult.Prop(created, "OsType"));
    }

    /// <summary>Property names of Az.Compute's PSVirtualMachine, PSImage and PSGalleryImageVersion (Get-AzVM, Get-AzImage, Get-AzGalleryImageVersion).</summary>
    private const string AzShapedObjects = """
        $azVm = [pscustomobject]@{
            PSTypeName = 'Microsoft.Azure.Commands.Compute.Models.PSVirtualMachine'
            ResourceGroupName = 'not-this-group'; Id = $vmId; VmId = [guid]::NewGuid().ToString(); Name = 'not-this-vm'
            Type = 'Microsoft.Compute/virtualMachines'; Location = 'eastus'; LicenseType = $null; Tags = @{}
            AvailabilitySetReference = $null; DiagnosticsProfile = $null; Extensions = @(); HardwareProfile = $null
            InstanceView = $null; NetworkProfile = $null; OSProfile = $null; BillingProfile = $null; Plan = $null
            ProvisioningState = 'Succeeded'; StorageProfile = $null; DisplayHint = 'Compact'; Identity = $null; Zones = @()
            FullyQualifiedDomainName = $null; AdditionalCapabilities = $null; ProximityPlacementGroup = $null; Host = $null
            VirtualMachineScaleSet = $null; EvictionPolicy = $null; Priority = $null; HostGroup = $null; SecurityProfile = $null
            StatusCode = 'OK'; RequestId = [guid]::NewGuid().ToString(); TimeCreated = (Get-Date); Etag = $null; UserData = $null
        }
        function ConvertTo-AzImage($image) {
            [pscustomobject]@{
                PSTypeName = 'Microsoft.Azure.Commands.Compute.Automation.Models.PSImage'
                ResourceGroupName = 'not-this-group'; SourceVirtualMachine = $null; StorageProfile = $null
                ProvisioningState = 'Succeeded'; HyperVGeneration = 'V2'; Id = $image.Id; Name = 'not-this-image'
                Type = 'Microsoft.Compute/images'; Location = 'eastus'; ExtendedLocation = $null; Tags = @{}
                StatusCode = 'OK'; RequestId = [guid]::NewGuid().ToString()
            }
        }
        function ConvertTo-AzGalleryImageVersion($version) {
            [pscustomobject]@{
                PSTypeName = 'Microsoft.Azure.Commands.Compute.Automation.Models.PSGalleryImageVersion'
                ResourceGroupName = 'not-this-group'; PublishingProfile = $null; ProvisioningState = 'Succeeded'
                StorageProfile = $null; SafetyProfile = $null; ReplicationStatus = $null; SecurityProfile = $null
                Id = $version.Id; Name = '9.9.9'; Type = 'Microsoft.Compute/galleries/images/versions'; Location = 'eastus'; Tags = @{}
            }
        }
        """;

    [Fact]
    public async Task Az_shaped_objects_bind_by_their_Id_and_never_by_their_Name_or_group()
    {
        var group = EmulatorFixture.NewGroup("pipe-az");
        var vm = await emulator.SeedVmAsync(group, "gen01", state: "generalized");
        var gallery = Kit.Gallery(group);
        using var ps = emulator.Session(new TestHost());

        var run = ps.Run(AzShapedObjects + $"""

            $image = $azVm | New-CapturedImage
            $version = ConvertTo-AzImage $image | Publish-GalleryVersion -GalleryName {gallery} -DefinitionName web -Publisher contoso -Offer web -Sku v1 -Version 1.0.0
            $image
            $version
            ConvertTo-AzImage $image | New-VmFromImage -ResourceGroupName {group} -Name fromimage -Credential $cred
            ConvertTo-AzGalleryImageVersion $version | New-VmFromImage -ResourceGroupName {group} -Name fromversion -Credential $cred
            """, Kit.Vars(("vmId", vm.Id), ("cred", Kit.Credential()))).AssertClean();

        var image = Assert.Single(run.OutputOf("ImageInfo"));
        var version = Assert.Single(run.OutputOf("GalleryVersionInfo"));
        var created = run.OutputOf("VmInfo");
        Assert.Equal(2, created.Count);

        // The image is named after the VM the Id names (gen01), not after the object's Name.
        Assert.Equal("gen01-image", RunResult.Prop(image, "Name"));
        Assert.Equal(group, RunResult.Prop(image, "ResourceGroupName"));
        var imageJson = await emulator.GetAsync(RunResult.Prop(image, "Id"));
        Assert.Equal(vm.Id, imageJson.Str("properties", "sourceVirtualMachine", "id"), ignoreCase: true);

        Assert.Equal("1.0.0", RunResult.Prop(version, "Name"));
        var versionJson = await emulator.GetAsync(RunResult.Prop(version, "Id"), "2022-03-03");
        Assert.Equal(RunResult.Prop(image, "Id"), versionJson.Str("properties", "storageProfile", "source", "id"), ignoreCase: true);

        var fromImage = created.Single(v => RunResult.Prop(v, "Name").StartsWith("fromimage", StringComparison.Ordinal));
        var fromVersion = created.Single(v => RunResult.Prop(v, "Name").StartsWith("fromversion", StringComparison.Ordinal));
        Assert.Equal(RunResult.Prop(image, "Id"),
            (await emulator.GetAsync(RunResult.Prop(fromImage, "Id"))).Str("properties", "storageProfile", "imageReference", "id"), ignoreCase: true);
        Assert.Equal(RunResult.Prop(version, "Id"),
            (await emulator.GetAsync(RunResult.Prop(fromVersion, "Id"))).Str("properties", "storageProfile", "imageReference", "id"), ignoreCase: true);

        // Nothing was read or written under the objects' ResourceGroupName.
        var requests = await emulator.RequestsAsync(0);
        Assert.DoesNotContain(requests, r => r.Path.Contains("/resourceGroups/not-this-group", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Plain_id_strings_bind_from_the_pipeline_and_through_the_Id_alias()
    {
        var group = EmulatorFixture.NewGroup("pipe-str");
        var first = await emulator.SeedVmAsync(group, "gen01", state: "generalized");
        var second = await emulator.SeedVmAsync(group, "gen02", state: "generalized");
        using var ps = emulator.Session(new TestHost());

        var run = ps.Run($"""
            $fromPipeline = $first | New-CapturedImage
            $fromAlias = New-CapturedImage -Id $second
            $fromPipeline; $fromAlias
            [string]$fromPipeline.Id | New-VmFromImage -ResourceGroupName {group} -Name plain -Credential $cred
            """, Kit.Vars(("first", first.Id), ("second", second.Id), ("cred", Kit.Credential()))).AssertClean();

        var images = run.OutputOf("ImageInfo");
        Assert.Equal(new[] { "gen01-image", "gen02-image" }, images.Select(i => RunResult.Prop(i, "Name")));
        Assert.Equal(first.Id, (await emulator.GetAsync(RunResult.Prop(images[0], "Id"))).Str("properties", "sourceVirtualMachine", "id"), ignoreCase: true);
        Assert.Equal(second.Id, (await emulator.GetAsync(RunResult.Prop(images[1], "Id"))).Str("properties", "sourceVirtualMachine", "id"), ignoreCase: true);

        var created = Assert.Single(run.OutputOf("VmInfo"));
        Assert.Equal(RunResult.Prop(images[0], "Id"),
            (await emulator.GetAsync(RunResult.Prop(created, "Id"))).Str("properties", "storageProfile", "imageReference", "id"), ignoreCase: true);
    }
}
