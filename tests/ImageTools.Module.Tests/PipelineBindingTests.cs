namespace ImageTools.Module.Tests;

/// <summary>
/// What binds when an object flows into a cmdlet. PowerShell binds a pipeline object to the
/// parameters marked ValueFromPipelineByPropertyName whose name or alias is one of the object's
/// property names; these tests compute that from the declared attributes and check that exactly
/// the intended parameter binds (Id -> ResourceId), and nothing else (a VM's Name must never
/// become the new VM's -Name).
/// </summary>
public class PipelineBindingTests
{
    private static ModuleSurface Surface => ModuleSurface.Instance;

    // Property names of Az's output objects (Az.Compute's Models: PSVirtualMachine, PSImage,
    // PSGalleryImageVersion, as Get-AzVM, Get-AzImage and Get-AzGalleryImageVersion emit them).
    private static readonly string[] PSVirtualMachine =
    {
        "ResourceGroupName", "Id", "VmId", "Name", "Type", "Location", "ExtendedLocation", "LicenseType", "Tags",
        "AvailabilitySetReference", "DiagnosticsProfile", "Extensions", "HardwareProfile", "InstanceView",
        "NetworkProfile", "OSProfile", "BillingProfile", "Plan", "ProvisioningState", "StorageProfile",
        "DisplayHint", "Identity", "Zones", "FullyQualifiedDomainName", "AdditionalCapabilities", "ProximityPlacementGroup",
        "Host", "VirtualMachineScaleSet", "EvictionPolicy", "Priority", "HostGroup", "SecurityProfile",
        "StatusCode", "RequestId", "TimeCreated", "Etag", "UserData", "CapacityReservation", "ApplicationProfile",
    };

    private static readonly string[] PSImage =
    {
        "ResourceGroupName", "SourceVirtualMachine", "StorageProfile", "ProvisioningState", "HyperVGeneration",
        "Id", "Name", "Type", "Location", "ExtendedLocation", "Tags", "StatusCode", "RequestId",
    };

    private static readonly string[] PSGalleryImageVersion =
    {
        "ResourceGroupName", "PublishingProfile", "ProvisioningState", "StorageProfile", "SafetyProfile",
        "ReplicationStatus", "SecurityProfile", "Id", "Name", "Type", "Location", "Tags",
    };

    private static string[] PropertiesOf(string modelName) =>
        Surface.Engine.GetType("ImageTools.Models." + modelName, throwOnError: true)!
            .GetProperties().Select(p => p.Name).ToArray();

    /// <summary>The parameters a pipeline object with these properties binds by property name, per set.</summary>
    private static string[] BoundBy(string cmdletName, IEnumerable<string> properties)
    {
        var names = properties.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var cmdlet = Surface.Cmdlets.Single(c => c.Name == cmdletName);
        return cmdlet.Parameters.Where(p => p.Sets.Any(s => s.FromPipelineByPropertyName) && p.BindingNames.Any(names.Contains))
            .Select(p => p.Name).ToArray();
    }

    public static TheoryData<string, string> Flows() => new()
    {
        // ImageTools' own outputs into the next step.
        { "VmInfo", "New-CapturedImage" },
        { "VmInfo", "Publish-GalleryVersion" },
        { "VmInfo", "Invoke-VmGeneralize" },          // reruns converge on an already generalized VM
        { "VmInfo", "Undo-VmGeneralize" },            // a VM whose Sysprep failed, restored
        { "SnapshotInfo", "Remove-ImageToolsSnapshot" }, // Get-ImageToolsSnapshot -Expired | Remove-ImageToolsSnapshot
        { "OrphanInfo", "Remove-ImageToolsOrphan" },     // Get-ImageToolsOrphan | Remove-ImageToolsOrphan
        { "ImageInfo", "Publish-GalleryVersion" },
        { "ImageInfo", "New-VmFromImage" },
        { "GalleryVersionInfo", "New-VmFromImage" },
        { "GalleryVersionInfo", "Publish-GalleryVersion" }, // a version as the source of another
        { "DiskInfo", "New-CapturedImage" },          // an imported VHD's disk
        { "DiskInfo", "Publish-GalleryVersion" },
        { "ImageInfo", "Copy-CapturedImage" },
    };

    [Theory]
    [MemberData(nameof(Flows))]
    public void Our_outputs_bind_to_the_next_cmdlet_by_Id_only(string model, string cmdlet)
    {
        var properties = PropertiesOf(model);
        Assert.Contains("Id", properties);
        Assert.Equal(new[] { "ResourceId" }, BoundBy(cmdlet, properties));
    }

    [Theory]
    [InlineData("PSVirtualMachine", "Invoke-VmGeneralize")]
    [InlineData("PSVirtualMachine", "Undo-VmGeneralize")]
    [InlineData("PSVirtualMachine", "New-CapturedImage")]
    [InlineData("PSVirtualMachine", "Publish-GalleryVersion")]
    [InlineData("PSImage", "Publish-GalleryVersion")]
    [InlineData("PSImage", "New-VmFromImage")]
    [InlineData("PSImage", "Copy-CapturedImage")]
    [InlineData("PSGalleryImageVersion", "New-VmFromImage")]
    [InlineData("PSGalleryImageVersion", "Publish-GalleryVersion")]
    public void Az_objects_bind_by_Id_only(string azType, string cmdlet)
    {
        var properties = azType switch
        {
            "PSVirtualMachine" => PSVirtualMachine,
            "PSImage" => PSImage,
            _ => PSGalleryImageVersion,
        };
        Assert.Equal(new[] { "ResourceId" }, BoundBy(cmdlet, properties));
    }

    [Theory]
    [InlineData("Invoke-VmGeneralize")]
    [InlineData("New-CapturedImage")]
    [InlineData("Publish-GalleryVersion")]
    [InlineData("New-VmFromImage")]
    [InlineData("Undo-VmGeneralize")]
    [InlineData("Copy-CapturedImage")]
    public void A_plain_id_string_binds_by_value(string cmdlet)
    {
        // A string has one property (Length) that must bind nothing; the string itself goes by value.
        Assert.Empty(BoundBy(cmdlet, new[] { "Length" }));
        var byValue = Surface.Cmdlets.Single(c => c.Name == cmdlet).Parameters
            .Where(p => p.Sets.Any(s => s.FromPipeline)).ToList();
        var only = Assert.Single(byValue);
        Assert.Equal(("ResourceId", "String"), (only.Name, only.Type.Name));
    }

    [Fact]
    public void No_property_of_any_output_binds_a_target_parameter_of_New_VmFromImage()
    {
        // The new VM's -ResourceGroupName/-Name/-Location come from the command line, never from the image.
        var deploy = Surface.Cmdlets.Single(c => c.Name == "New-VmFromImage");
        foreach (var name in new[] { "ResourceGroupName", "Name", "Location", "SubscriptionId" })
            Assert.DoesNotContain(deploy.Parameter(name).Sets, s => s.FromPipelineByPropertyName || s.FromPipeline);
    }
}
