using System.Text.Json.Nodes;
using Azure;
using Azure.Core;
using Azure.ResourceManager;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;
using Azure.ResourceManager.Resources;
using ImageTools.Emulator.Control;

namespace ImageTools.Emulator.Tests;

/// <summary>
/// Replays the official request examples (ArmExamples/, copied from Azure/azure-rest-api-specs: see
/// ArmExamples/SOURCE.md; read at test time from the test output) against a fresh emulator and reads the result back through the SDK's models, comparing with the example response.
/// </summary>
public sealed class ExampleReplayTests
{
    private const string Compute = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute";
    private const string Network = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network";

    /// <summary>Example file → (method, path template, body parameter).</summary>
    private static readonly Dictionary<string, (string Method, string Path, string? Body)> Operations = new()
    {
        ["VirtualMachine_Create_WithPasswordAuthentication"] = ("PUT", Compute + "/virtualMachines/{vmName}", "parameters"),
        ["VirtualMachine_Create_FromACustomImage"] = ("PUT", Compute + "/virtualMachines/{vmName}", "parameters"),
        ["VirtualMachine_Create_FromAGeneralizedSharedImage"] = ("PUT", Compute + "/virtualMachines/{vmName}", "parameters"),
        ["VirtualMachine_Create_FromASpecializedSharedImage"] = ("PUT", Compute + "/virtualMachines/{vmName}", "parameters"),
        ["VirtualMachine_Deallocate_MinimumSet_Gen"] = ("POST", Compute + "/virtualMachines/{vmName}/deallocate", null),
        ["VirtualMachine_PowerOff_MinimumSet_Gen"] = ("POST", Compute + "/virtualMachines/{vmName}/powerOff", null),
        ["VirtualMachine_Start_MinimumSet_Gen"] = ("POST", Compute + "/virtualMachines/{vmName}/start", null),
        ["VirtualMachine_Restart_MinimumSet_Gen"] = ("POST", Compute + "/virtualMachines/{vmName}/restart", null),
        ["VirtualMachine_Generalize"] = ("POST", Compute + "/virtualMachines/{vmName}/generalize", null),
        ["VirtualMachine_Delete_Force"] = ("DELETE", Compute + "/virtualMachines/{vmName}", null),
        ["VirtualMachine_Get_InstanceView"] = ("GET", Compute + "/virtualMachines/{vmName}/instanceView", null),
        ["VirtualMachineRunCommand"] = ("POST", Compute + "/virtualMachines/{vmName}/runCommand", "parameters"),
        ["VirtualMachineRunCommand_CreateOrUpdate"] = ("PUT", Compute + "/virtualMachines/{vmName}/runCommands/{runCommandName}", "runCommand"),
        ["Image_CreateFromAVM"] = ("PUT", Compute + "/images/{imageName}", "parameters"),
        ["Image_CreateFromAManagedDisk"] = ("PUT", Compute + "/images/{imageName}", "parameters"),
        ["Image_CreateFromASnapshot"] = ("PUT", Compute + "/images/{imageName}", "parameters"),
        ["Disk_Create_Empty"] = ("PUT", Compute + "/disks/{diskName}", "disk"),
        ["Disk_Create_FromAnExistingManagedDisk"] = ("PUT", Compute + "/disks/{diskName}", "disk"),
        ["Snapshot_Create_FromAnExistingSnapshot"] = ("PUT", Compute + "/snapshots/{snapshotName}", "snapshot"),
        ["Gallery_Create"] = ("PUT", Compute + "/galleries/{galleryName}", "gallery"),
        ["GalleryImage_Create"] = ("PUT", Compute + "/galleries/{galleryName}/images/{galleryImageName}", "galleryImage"),
        ["GalleryImageVersion_Create"] = ("PUT", Compute + "/galleries/{galleryName}/images/{galleryImageName}/versions/{galleryImageVersionName}", "galleryImageVersion"),
        ["GalleryImageVersion_Create_WithVmAsSource"] = ("PUT", Compute + "/galleries/{galleryName}/images/{galleryImageName}/versions/{galleryImageVersionName}", "galleryImageVersion"),
        ["GalleryImageVersion_Create_WithSnapshotsAsSource"] = ("PUT", Compute + "/galleries/{galleryName}/images/{galleryImageName}/versions/{galleryImageVersionName}", "galleryImageVersion"),
        ["VirtualNetworkCreate"] = ("PUT", Network + "/virtualNetworks/{virtualNetworkName}", "parameters"),
        ["VirtualNetworkCreateSubnet"] = ("PUT", Network + "/virtualNetworks/{virtualNetworkName}", "parameters"),
        ["PublicIpAddressCreateDefaults"] = ("PUT", Network + "/publicIPAddresses/{publicIpAddressName}", "parameters"),
        ["NetworkInterfaceCreate"] = ("PUT", Network + "/networkInterfaces/{networkInterfaceName}", "parameters"),
        // reads, lists, deletes and the maximum-set power actions
        ["VirtualMachine_Get"] = ("GET", Compute + "/virtualMachines/{vmName}", null),
        ["VirtualMachine_Deallocate_MaximumSet_Gen"] = ("POST", Compute + "/virtualMachines/{vmName}/deallocate", null),
        ["VirtualMachine_PowerOff_MaximumSet_Gen"] = ("POST", Compute + "/virtualMachines/{vmName}/powerOff", null),
        ["VirtualMachine_Start_MaximumSet_Gen"] = ("POST", Compute + "/virtualMachines/{vmName}/start", null),
        ["VirtualMachine_Restart_MaximumSet_Gen"] = ("POST", Compute + "/virtualMachines/{vmName}/restart", null),
        ["VirtualMachineRunCommand_Get"] = ("GET", Compute + "/virtualMachines/{vmName}/runCommands/{runCommandName}", null),
        ["Image_Get"] = ("GET", Compute + "/images/{imageName}", null),
        ["Image_ListByResourceGroup"] = ("GET", Compute + "/images", null),
        ["Images_Delete_MaximumSet_Gen"] = ("DELETE", Compute + "/images/{imageName}", null),
        ["Disk_Get"] = ("GET", Compute + "/disks/{diskName}", null),
        ["Snapshot_Get"] = ("GET", Compute + "/snapshots/{snapshotName}", null),
        ["Snapshot_Delete"] = ("DELETE", Compute + "/snapshots/{snapshotName}", null),
        ["Gallery_Get"] = ("GET", Compute + "/galleries/{galleryName}", null),
        ["Gallery_Delete"] = ("DELETE", Compute + "/galleries/{galleryName}", null),
        ["GalleryImage_Get"] = ("GET", Compute + "/galleries/{galleryName}/images/{galleryImageName}", null),
        ["GalleryImage_ListByGallery"] = ("GET", Compute + "/galleries/{galleryName}/images", null),
        ["GalleryImage_Delete"] = ("DELETE", Compute + "/galleries/{galleryName}/images/{galleryImageName}", null),
        ["GalleryImageVersion_Get"] = ("GET", Compute + "/galleries/{galleryName}/images/{galleryImageName}/versions/{galleryImageVersionName}", null),
        ["GalleryImageVersion_Get_WithReplicationStatus"] = ("GET", Compute + "/galleries/{galleryName}/images/{galleryImageName}/versions/{galleryImageVersionName}", null),
        ["GalleryImageVersion_ListByGalleryImage"] = ("GET", Compute + "/galleries/{galleryName}/images/{galleryImageName}/versions", null),
        ["GalleryImageVersion_Delete"] = ("DELETE", Compute + "/galleries/{galleryName}/images/{galleryImageName}/versions/{galleryImageVersionName}", null),
        ["VirtualNetworkGet"] = ("GET", Network + "/virtualNetworks/{virtualNetworkName}", null),
        ["NetworkInterfaceGet"] = ("GET", Network + "/networkInterfaces/{networkInterfaceName}", null),
    };

    [Fact]
    public void Every_example_file_is_replayed()
    {
        var files = Directory.GetFiles(ArmExamples.Directory, "*.json", SearchOption.AllDirectories).Select(Path.GetFileNameWithoutExtension);
        Assert.Equal(files.OrderBy(f => f), Operations.Keys.OrderBy(k => k));
    }

    public static IEnumerable<object[]> Examples => Operations.Keys.Select(k => new object[] { k });

    private static JsonObject LoadExample(string name)
    {
        var file = Directory.GetFiles(ArmExamples.Directory, name + ".json", SearchOption.AllDirectories).Single();
        return JsonNode.Parse(File.ReadAllText(file))!.AsObject();
    }

    private sealed class Context
    {
        public required EmulatorServer Server { get; init; }
        public required ArmClient Client { get; init; }
        public required JsonObject Parameters { get; init; }
        public string Sub => Server.SubscriptionId;
        public string Rg => Parameters["resourceGroupName"]!.GetValue<string>();
        /// <summary>An example parameter; list examples lack the child's name, so the one their response shows is used.</summary>
        public string P(string name) => Parameters[name]?.ToString() ?? name switch
        {
            "galleryImageName" => "myGalleryImageName",
            "galleryImageVersionName" => "1.0.0",
            _ => throw new KeyNotFoundException(name),
        };
        public ResourceGroupResource Group => Client.GetResourceGroupResource(ResourceGroupResource.CreateResourceIdentifier(Sub, Rg));
        public string Id(string typeAndName) => $"/subscriptions/{Sub}/resourceGroups/{Rg}/providers/{typeAndName}";
        public Task<SeedVmResult> Seed(string name, string state, string location = "westus", string os = "Windows", string gen = "V1") =>
            Server.Control.SeedVmAsync(new SeedVmRequest { ResourceGroup = Rg, Name = name, State = state, Location = location, OsType = os, HyperVGeneration = gen });
    }

    /// <summary>Placeholders of the examples and the values used for them.</summary>
    private static string Substitute(string text, string sub) => text
        .Replace("{subscription-id}", sub).Replace("{subscriptionId}", sub).Replace("/subscriptions/subid/", $"/subscriptions/{sub}/")
        .Replace("subscriptions/24fb23e3-6ba3-41f0-9b6e-e41131d5d61e", "subscriptions/" + sub)
        .Replace("{your-username}", "azureadmin").Replace("{your-password}", Scenario.Password)
        .Replace("{existing-nic-name}", "nic1").Replace("{existing-custom-image-name}", "customImage")
        .Replace("{resourceGroup}", "myResourceGroup").Replace("{vmName}", "myVM").Replace("{imageName}", "myImage")
        .Replace("{osSnapshotName}", "osSnapshotName").Replace("{dataDiskName}", "dataDiskName")
        .Replace("<runAsPassword>", "Run-As-Passw0rd!");

    private static async Task Prepare(string example, Context c)
    {
        var rgs = c.Client.GetSubscriptionResource(SubscriptionResource.CreateResourceIdentifier(c.Sub)).GetResourceGroups();
        await rgs.CreateOrUpdateAsync(WaitUntil.Completed, c.Rg, new ResourceGroupData(new AzureLocation("westus")));
        async Task Nic(string name, string location = "westus") => await Scenario.CreateNicAsync(c.Client, c.Sub, c.Rg, name, location);
        async Task Gallery(string gallery, string image, string osState, string gen, string versionSourceVm)
        {
            var g = (await c.Group.GetGalleries().CreateOrUpdateAsync(WaitUntil.Completed, gallery, new GalleryData(new AzureLocation("westus")))).Value;
            var d = (await g.GetGalleryImages().CreateOrUpdateAsync(WaitUntil.Completed, image, new GalleryImageData(new AzureLocation("westus"))
            {
                OSType = SupportedOperatingSystemType.Windows, OSState = osState == "Generalized" ? OperatingSystemStateType.Generalized : OperatingSystemStateType.Specialized,
                HyperVGeneration = new HyperVGeneration(gen), Identifier = new GalleryImageIdentifier("p", "o", image),
            })).Value;
            if (versionSourceVm.Length == 0) return;
            await d.GetGalleryImageVersions().CreateOrUpdateAsync(WaitUntil.Completed, "1.0.0", new GalleryImageVersionData(new AzureLocation("westus"))
            {
                StorageProfile = new GalleryImageVersionStorageProfile { GallerySource = new GalleryArtifactVersionFullSource { Id = new ResourceIdentifier(versionSourceVm) } },
            });
        }
        async Task Disk(string name, string os = "Windows") => await c.Group.GetManagedDisks().CreateOrUpdateAsync(WaitUntil.Completed, name,
            new ManagedDiskData(new AzureLocation("westus")) { CreationData = new DiskCreationData(DiskCreateOption.Empty), DiskSizeGB = 64, OSType = os == "Linux" ? SupportedOperatingSystemType.Linux : SupportedOperatingSystemType.Windows });
        async Task Snapshot(string name, string fromDisk) => await c.Group.GetSnapshots().CreateOrUpdateAsync(WaitUntil.Completed, name,
            new SnapshotData(new AzureLocation("westus")) { CreationData = new DiskCreationData(DiskCreateOption.Copy) { SourceResourceId = new ResourceIdentifier(c.Id("Microsoft.Compute/disks/" + fromDisk)) } });

        switch (example)
        {
            case "VirtualMachine_Create_WithPasswordAuthentication": await Nic("nic1"); break;
            case "VirtualMachine_Create_FromACustomImage":
                await Nic("nic1");
                var src = await c.Seed("imgsrc", "generalized");
                await c.Group.GetDiskImages().CreateOrUpdateAsync(WaitUntil.Completed, "customImage", new DiskImageData(new AzureLocation("westus")) { SourceVirtualMachineId = new ResourceIdentifier(src.Id) });
                break;
            case "VirtualMachine_Create_FromAGeneralizedSharedImage":
                await Nic("nic1");
                await Gallery("mySharedGallery", "mySharedImage", "Generalized", "V1", (await c.Seed("galsrc", "generalized")).Id);
                break;
            case "VirtualMachine_Create_FromASpecializedSharedImage":
                await Nic("nic1");
                await Gallery("mySharedGallery", "mySharedImage", "Specialized", "V1", (await c.Seed("galsrc", "running")).Id);
                break;
            case "VirtualMachine_Deallocate_MinimumSet_Gen":
            case "VirtualMachine_PowerOff_MinimumSet_Gen":
            case "VirtualMachine_Restart_MinimumSet_Gen":
            case "VirtualMachine_Delete_Force":
            case "VirtualMachine_Get_InstanceView":
            case "VirtualMachineRunCommand":
            case "VirtualMachineRunCommand_CreateOrUpdate":
                await c.Seed(c.P("vmName"), "running"); break;
            case "VirtualMachine_Start_MinimumSet_Gen": await c.Seed(c.P("vmName"), "deallocated"); break;
            case "VirtualMachine_Generalize": await c.Seed(c.P("vmName"), "deallocated"); break;
            case "Image_CreateFromAVM": await c.Seed("myVM", "generalized", os: "Linux"); break;
            case "Image_CreateFromAManagedDisk": await Disk("myManagedDisk", "Linux"); break;
            case "Image_CreateFromASnapshot": await Disk("base", "Linux"); await Snapshot("mySnapshot", "base"); break;
            case "Disk_Create_FromAnExistingManagedDisk": await Disk("myDisk1"); break;
            case "Snapshot_Create_FromAnExistingSnapshot": await Disk("base"); await Snapshot("mySnapshot1", "base"); break;
            case "GalleryImage_Create": await c.Group.GetGalleries().CreateOrUpdateAsync(WaitUntil.Completed, c.P("galleryName"), new GalleryData(new AzureLocation("westus"))); break;
            case "GalleryImageVersion_Create":
                await Gallery(c.P("galleryName"), c.P("galleryImageName"), "Generalized", "V1", "");
                var imageSource = await c.Seed("imgsrc", "generalized");
                await c.Group.GetDiskImages().CreateOrUpdateAsync(WaitUntil.Completed, "myImage", new DiskImageData(new AzureLocation("westus")) { SourceVirtualMachineId = new ResourceIdentifier(imageSource.Id) });
                break;
            case "GalleryImageVersion_Create_WithVmAsSource":
                await Gallery(c.P("galleryName"), c.P("galleryImageName"), "Specialized", "V1", "");
                await c.Seed("myVM", "running");
                break;
            case "GalleryImageVersion_Create_WithSnapshotsAsSource":
                await Gallery(c.P("galleryName"), c.P("galleryImageName"), "Specialized", "V1", "");
                await Disk("base"); await Disk("dataDiskName");
                await Snapshot("osSnapshotName", "base");
                break;
            case "VirtualMachine_Get":
                var getNic = await Scenario.CreateNicAsync(c.Client, c.Sub, c.Rg, "myNic", "westus");
                var getVm = Scenario.VmData(getNic, Scenario.Marketplace("MicrosoftWindowsServer:WindowsServer:2016-Datacenter:latest"), c.P("vmName"), "westus", "Standard_DS3_v2");
                getVm.Tags.Add("myTag1", "tagValue1");
                getVm.UserData = "RXhhbXBsZSBVc2VyRGF0YQ==";
                getVm.StorageProfile.OSDisk.Name = "myOsDisk";
                getVm.StorageProfile.DataDisks.Add(new VirtualMachineDataDisk(0, DiskCreateOptionType.Empty) { Name = "myDataDisk0", DiskSizeGB = 30, Caching = CachingType.ReadWrite });
                await c.Group.GetVirtualMachines().CreateOrUpdateAsync(WaitUntil.Completed, c.P("vmName"), getVm);
                break;
            case "VirtualMachine_Deallocate_MaximumSet_Gen":
            case "VirtualMachine_PowerOff_MaximumSet_Gen":
            case "VirtualMachine_Restart_MaximumSet_Gen":
                await c.Seed(c.P("vmName"), "running"); break;
            case "VirtualMachine_Start_MaximumSet_Gen": await c.Seed(c.P("vmName"), "stopped"); break;
            case "VirtualMachineRunCommand_Get":
                await c.Seed(c.P("vmName"), "running");
                var command = new VirtualMachineRunCommandData(new AzureLocation("westus"))
                {
                    Source = new VirtualMachineRunCommandScriptSource { Script = "Write-Host Hello World!" },
                    AsyncExecution = false, TreatFailureAsDeploymentFailure = false, RunAsUser = "user1", TimeoutInSeconds = 3600,
                };
                command.Parameters.Add(new RunCommandInputParameter("param1", "value1"));
                command.Parameters.Add(new RunCommandInputParameter("param2", "value2"));
                command.Tags.Add("tag1", "value1");
                await (await c.Group.GetVirtualMachineAsync(c.P("vmName"))).Value.GetVirtualMachineRunCommands().CreateOrUpdateAsync(WaitUntil.Completed, c.P("runCommandName"), command);
                break;
            case "Image_Get":
            case "Image_ListByResourceGroup":
            case "Images_Delete_MaximumSet_Gen":
                await Disk("myManagedDisk1");
                await c.Group.GetDiskImages().CreateOrUpdateAsync(WaitUntil.Completed, c.Parameters["imageName"]?.ToString() ?? "myImage", new DiskImageData(new AzureLocation("westus"))
                {
                    StorageProfile = new ImageStorageProfile
                    {
                        OSDisk = new ImageOSDisk(SupportedOperatingSystemType.Windows, OperatingSystemStateType.Generalized) { ManagedDiskId = new ResourceIdentifier(c.Id("Microsoft.Compute/disks/myManagedDisk1")), StorageAccountType = StorageAccountType.StandardLrs },
                        ZoneResilient = true,
                    },
                });
                break;
            case "Disk_Get":
                await c.Group.GetManagedDisks().CreateOrUpdateAsync(WaitUntil.Completed, c.P("diskName"), new ManagedDiskData(new AzureLocation("westus"))
                {
                    Sku = new DiskSku { Name = DiskStorageAccountType.StandardLrs }, CreationData = new DiskCreationData(DiskCreateOption.Empty), DiskSizeGB = 10,
                    OSType = SupportedOperatingSystemType.Windows, HyperVGeneration = HyperVGeneration.V1, Tags = { ["department"] = "Development", ["project"] = "ManagedDisks" },
                });
                break;
            case "Snapshot_Get":
            case "Snapshot_Delete":
                await Disk("myDisk"); await Snapshot(c.P("snapshotName"), "myDisk"); break;
            case "Gallery_Get":
                await c.Group.GetGalleries().CreateOrUpdateAsync(WaitUntil.Completed, c.P("galleryName"), new GalleryData(new AzureLocation("westus")) { Description = "This is the gallery description." });
                break;
            case "Gallery_Delete":
                await c.Group.GetGalleries().CreateOrUpdateAsync(WaitUntil.Completed, c.P("galleryName"), new GalleryData(new AzureLocation("westus"))); break;
            case "GalleryImage_Get":
            case "GalleryImage_ListByGallery":
            case "GalleryImage_Delete":
                await Gallery(c.P("galleryName"), c.P("galleryImageName"), "Generalized", "V1", ""); break;
            case "GalleryImageVersion_Get":
            case "GalleryImageVersion_Get_WithReplicationStatus":
            case "GalleryImageVersion_ListByGalleryImage":
            case "GalleryImageVersion_Delete":
                await c.Client.GetResourceGroupResource(ResourceGroupResource.CreateResourceIdentifier(c.Sub, c.Rg)).GetDiskImages().CreateOrUpdateAsync(WaitUntil.Completed, "myImage",
                    new DiskImageData(new AzureLocation("westus")) { SourceVirtualMachineId = new ResourceIdentifier((await c.Seed("imgsrc", "generalized")).Id) });
                var versionDefinition = (await (await c.Group.GetGalleries().CreateOrUpdateAsync(WaitUntil.Completed, c.P("galleryName"), new GalleryData(new AzureLocation("westus")))).Value
                    .GetGalleryImages().CreateOrUpdateAsync(WaitUntil.Completed, c.P("galleryImageName"), new GalleryImageData(new AzureLocation("westus"))
                    {
                        OSType = SupportedOperatingSystemType.Windows, OSState = OperatingSystemStateType.Generalized, HyperVGeneration = HyperVGeneration.V1,
                        Identifier = new GalleryImageIdentifier("myPublisherName", "myOfferName", "mySkuName"),
                    })).Value;
                var versionData = new GalleryImageVersionData(new AzureLocation("westus"))
                {
                    StorageProfile = new GalleryImageVersionStorageProfile { GallerySource = new GalleryArtifactVersionFullSource { Id = new ResourceIdentifier(c.Id("Microsoft.Compute/images/myImage")) } },
                    PublishingProfile = new GalleryImageVersionPublishingProfile { ReplicaCount = 1, StorageAccountType = ImageStorageAccountType.StandardLrs },
                };
                versionData.PublishingProfile.TargetRegions.Add(new TargetRegion("West US") { RegionalReplicaCount = 1, StorageAccountType = ImageStorageAccountType.StandardLrs, IsExcludedFromLatest = false });
                versionData.PublishingProfile.TargetRegions.Add(new TargetRegion("East US") { RegionalReplicaCount = 2, StorageAccountType = ImageStorageAccountType.StandardLrs, IsExcludedFromLatest = false });
                await versionDefinition.GetGalleryImageVersions().CreateOrUpdateAsync(WaitUntil.Completed, c.P("galleryImageVersionName"), versionData);
                break;
            case "VirtualNetworkGet":
                await c.Client.GetGenericResources().CreateOrUpdateAsync(WaitUntil.Completed, new ResourceIdentifier(c.Id("Microsoft.Network/virtualNetworks/" + c.P("virtualNetworkName"))),
                    new GenericResourceData(new AzureLocation("westus")) { Properties = BinaryData.FromString("""{"addressSpace":{"addressPrefixes":["10.0.0.0/16"]},"subnets":[{"name":"subnet1","properties":{"addressPrefix":"10.0.1.0/24"}}]}""") });
                break;
            case "NetworkInterfaceGet":
                await c.Client.GetGenericResources().CreateOrUpdateAsync(WaitUntil.Completed, new ResourceIdentifier(c.Id("Microsoft.Network/virtualNetworks/rg1-vnet")),
                    new GenericResourceData(new AzureLocation("eastus")) { Properties = BinaryData.FromString("""{"addressSpace":{"addressPrefixes":["172.20.0.0/16"]},"subnets":[{"name":"default","properties":{"addressPrefix":"172.20.2.0/24"}}]}""") });
                await c.Client.GetGenericResources().CreateOrUpdateAsync(WaitUntil.Completed, new ResourceIdentifier(c.Id("Microsoft.Network/publicIPAddresses/test-ip")), new GenericResourceData(new AzureLocation("eastus")));
                await c.Client.GetGenericResources().CreateOrUpdateAsync(WaitUntil.Completed, new ResourceIdentifier(c.Id("Microsoft.Network/networkInterfaces/" + c.P("networkInterfaceName"))),
                    new GenericResourceData(new AzureLocation("eastus"))
                    {
                        Properties = BinaryData.FromString("{\"enableAcceleratedNetworking\":true,\"ipConfigurations\":[{\"name\":\"ipconfig1\",\"properties\":{\"publicIPAddress\":{\"id\":\"" + c.Id("Microsoft.Network/publicIPAddresses/test-ip")
                            + "\"},\"subnet\":{\"id\":\"" + c.Id("Microsoft.Network/virtualNetworks/rg1-vnet/subnets/default") + "\"}}}]}"),
                    });
                break;
            case "NetworkInterfaceCreate":
                await c.Client.GetGenericResources().CreateOrUpdateAsync(WaitUntil.Completed, new ResourceIdentifier(c.Id("Microsoft.Network/virtualNetworks/rg1-vnet")),
                    new GenericResourceData(new AzureLocation("eastus")) { Properties = BinaryData.FromString("""{"addressSpace":{"addressPrefixes":["10.0.0.0/16"]},"subnets":[{"name":"default","properties":{"addressPrefix":"10.0.0.0/24"}}]}""") });
                await c.Client.GetGenericResources().CreateOrUpdateAsync(WaitUntil.Completed, new ResourceIdentifier(c.Id("Microsoft.Network/publicIPAddresses/test-ip")),
                    new GenericResourceData(new AzureLocation("eastus")));
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Example_request_is_accepted_and_reads_back_through_the_sdk(string example)
    {
        var json = LoadExample(example);
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions());
        var client = TestArm.CreateClient(server.Endpoint, server.CertificateThumbprint, server.SubscriptionId);
        var parameters = JsonNode.Parse(Substitute(json["parameters"]!.ToJsonString(), server.SubscriptionId))!.AsObject();
        parameters["subscriptionId"] = server.SubscriptionId;
        var c = new Context { Server = server, Client = client, Parameters = parameters };
        await Prepare(example, c);

        var (method, template, bodyName) = Operations[example];
        var path = template;
        foreach (var (k, v) in parameters) if (v is JsonValue) path = path.Replace("{" + k + "}", Uri.EscapeDataString(v.ToString()));
        var query = "api-version=" + parameters["api-version"];
        foreach (var (k, v) in parameters)
            if (v is JsonValue && k is not ("api-version" or "subscriptionId") && !template.Contains("{" + k + "}"))
                query += "&" + Uri.EscapeDataString(k) + "=" + Uri.EscapeDataString(v.ToString().ToLowerInvariant() is "true" or "false" ? v.ToString().ToLowerInvariant() : v.ToString());
        using var http = TestArm.RawClient(server);
        var (status, body) = await TestArm.SendAsync(http, new HttpMethod(method), path.TrimStart('/') + "?" + query, bodyName is null ? null : parameters[bodyName]!.ToJsonString());
        var documented = json["responses"]!.AsObject().Select(r => int.Parse(r.Key)).ToList();
        Assert.True(documented.Contains((int)status), $"{example}: {(int)status} not in [{string.Join(",", documented)}]: {body}");

        await Verify(example, c, json["responses"]!.AsObject().Where(r => r.Key is "200" or "201").Select(r => r.Value?["body"]).FirstOrDefault(b => b is not null), body);
    }

    /// <summary>Asserts that each dotted path (array items as [i]) is present and not null in the raw response.</summary>
    private static void Has(JsonNode? actual, params string[] paths)
    {
        foreach (var path in paths)
        {
            var node = actual;
            foreach (var part in path.Split('.'))
            {
                var name = part;
                var index = -1;
                if (part.EndsWith(']')) { index = int.Parse(part[(part.IndexOf('[') + 1)..^1]); name = part[..part.IndexOf('[')]; }
                node = name.Length == 0 ? node : node?[name];
                if (index >= 0) node = node is JsonArray a && a.Count > index ? a[index] : null;
            }
            Assert.True(node is not null, $"{path} missing in {actual?.ToJsonString()}");
        }
    }

    private static async Task Verify(string example, Context c, JsonNode? expected, JsonNode? actual)
    {
        var rg = c.Group;
        switch (example)
        {
            case var e when e.StartsWith("VirtualMachine_Create"):
                var vm = (await rg.GetVirtualMachineAsync(c.P("vmName"))).Value.Data;
                Assert.Equal("Succeeded", vm.ProvisioningState);
                Assert.Equal(expected!["properties"]!["hardwareProfile"]!["vmSize"]!.GetValue<string>(), vm.HardwareProfile.VmSize.ToString());
                Assert.Equal(expected["properties"]!["storageProfile"]!["osDisk"]!["name"]!.GetValue<string>(), vm.StorageProfile.OSDisk.Name);
                Assert.Equal(DiskCreateOptionType.FromImage, vm.StorageProfile.OSDisk.CreateOption);
                Assert.NotNull(vm.StorageProfile.OSDisk.ManagedDisk.Id);
                Assert.Equal(example.Contains("Specialized"), vm.OSProfile is null);
                if (vm.OSProfile is not null) Assert.Null(vm.OSProfile.AdminPassword);
                var reference = c.Parameters["parameters"]!["properties"]!["storageProfile"]!["imageReference"]!;
                if (reference["id"] is JsonNode id) Assert.Equal(Substitute(id.GetValue<string>(), c.Sub).ToLowerInvariant(), vm.StorageProfile.ImageReference.Id.ToString().ToLowerInvariant());
                else Assert.Equal(reference["sku"]!.GetValue<string>(), vm.StorageProfile.ImageReference.Sku);
                // Marketplace and gallery sources record the exact version; managed images have none.
                Assert.Equal(!example.Contains("CustomImage"), !string.IsNullOrEmpty(vm.StorageProfile.ImageReference.ExactVersion));
                break;
            case "VirtualMachine_Deallocate_MinimumSet_Gen": await PowerIs(c, "deallocated"); break;
            case "VirtualMachine_PowerOff_MinimumSet_Gen": await PowerIs(c, "stopped"); break;
            case "VirtualMachine_Start_MinimumSet_Gen":
            case "VirtualMachine_Restart_MinimumSet_Gen": await PowerIs(c, "running"); break;
            case "VirtualMachine_Generalize":
                Assert.Contains((await (await rg.GetVirtualMachineAsync(c.P("vmName"))).Value.InstanceViewAsync()).Value.Statuses, s => s.Code == "OSState/generalized"); break;
            case "VirtualMachine_Delete_Force": Assert.False((await rg.GetVirtualMachines().ExistsAsync(c.P("vmName"))).Value); break;
            case "VirtualMachine_Get_InstanceView":
                var view = (await (await rg.GetVirtualMachineAsync(c.P("vmName"))).Value.InstanceViewAsync()).Value;
                Assert.Equal(expected!["statuses"]!.AsArray().Select(s => s!["code"]!.GetValue<string>()), view.Statuses.Select(s => s.Code));
                Assert.Equal("Ready", view.VmAgent.Statuses[0].DisplayStatus);
                Assert.Equal(expected["vmAgent"]!["statuses"]![0]!["code"]!.GetValue<string>(), view.VmAgent.Statuses[0].Code);
                break;
            case "VirtualMachineRunCommand":
                var runVm = (await rg.GetVirtualMachineAsync(c.P("vmName"))).Value;
                var run = (await runVm.RunCommandAsync(WaitUntil.Completed, new RunCommandInput(c.Parameters["parameters"]!["commandId"]!.GetValue<string>()))).Value;
                Assert.Equal(expected!["value"]!.AsArray().Select(v => v!["code"]!.GetValue<string>()), run.Value.Select(v => v.Code));
                break;
            case "VirtualMachineRunCommand_CreateOrUpdate":
                var command = (await (await rg.GetVirtualMachineAsync(c.P("vmName"))).Value.GetVirtualMachineRunCommandAsync(c.P("runCommandName"), "instanceView")).Value.Data;
                Assert.Equal(expected!["properties"]!["runAsUser"]!.GetValue<string>(), command.RunAsUser);
                Assert.Null(command.RunAsPassword);
                Assert.Equal(ExecutionState.Succeeded, command.InstanceView.ExecutionState);
                break;
            case var e when e.StartsWith("Image_Create"):
                var image = (await rg.GetDiskImageAsync(c.P("imageName"))).Value.Data;
                Assert.Equal("Succeeded", image.ProvisioningState);
                var osType = expected!["properties"]!["storageProfile"]!["osDisk"]!["osType"]!.GetValue<string>();
                Assert.Equal(osType, image.StorageProfile.OSDisk.OSType.ToString());
                Assert.Equal(OperatingSystemStateType.Generalized, image.StorageProfile.OSDisk.OSState);
                if (expected["properties"]!["storageProfile"]!["zoneResilient"] is JsonNode zr) Assert.Equal(zr.GetValue<bool>(), image.StorageProfile.ZoneResilient);
                break;
            case var e when e.StartsWith("Disk_Create"):
                var disk = (await rg.GetManagedDiskAsync(c.P("diskName"))).Value.Data;
                Assert.Equal("Succeeded", disk.ProvisioningState);
                Assert.Equal(expected!["properties"]!["creationData"]!["createOption"]!.GetValue<string>(), disk.CreationData.CreateOption.ToString());
                if (expected["properties"]!["diskSizeGB"] is JsonNode size) Assert.Equal(size.GetValue<int>(), disk.DiskSizeGB);
                Assert.Equal(DiskState.Unattached, disk.DiskState);
                break;
            case "Snapshot_Create_FromAnExistingSnapshot":
                var snapshot = (await rg.GetSnapshotAsync(c.P("snapshotName"))).Value.Data;
                Assert.Equal(DiskCreateOption.Copy, snapshot.CreationData.CreateOption);
                Assert.EndsWith("/snapshots/mySnapshot1", snapshot.CreationData.SourceResourceId.ToString());
                break;
            case "Gallery_Create":
                var gallery = (await rg.GetGalleryAsync(c.P("galleryName"))).Value.Data;
                Assert.Equal(expected!["properties"]!["description"]!.GetValue<string>(), gallery.Description);
                Assert.Equal($"{c.Sub}-{c.P("galleryName").ToUpperInvariant()}", gallery.IdentifierUniqueName);
                break;
            case "GalleryImage_Create":
                var def = (await (await rg.GetGalleryAsync(c.P("galleryName"))).Value.GetGalleryImageAsync(c.P("galleryImageName"))).Value.Data;
                var p = expected!["properties"]!;
                Assert.Equal(p["osType"]!.GetValue<string>(), def.OSType.ToString());
                Assert.Equal(p["osState"]!.GetValue<string>(), def.OSState.ToString());
                Assert.Equal(p["hyperVGeneration"]!.GetValue<string>(), def.HyperVGeneration.ToString());
                Assert.Equal(p["identifier"]!["publisher"]!.GetValue<string>(), def.Identifier.Publisher);
                Assert.Equal(GalleryProvisioningState.Succeeded, def.ProvisioningState);
                break;
            case var e when e.StartsWith("GalleryImageVersion_Create"):
                var version = (await (await (await rg.GetGalleryAsync(c.P("galleryName"))).Value.GetGalleryImageAsync(c.P("galleryImageName"))).Value
                    .GetGalleryImageVersionAsync(c.P("galleryImageVersionName"), ReplicationStatusType.ReplicationStatus)).Value.Data;
                Assert.Equal(GalleryProvisioningState.Succeeded, version.ProvisioningState);
                var regions = expected!["properties"]!["publishingProfile"]!["targetRegions"]!.AsArray().Select(t => t!["name"]!.GetValue<string>());
                Assert.Equal(regions, version.PublishingProfile.TargetRegions.Select(t => t.Name));
                Assert.Equal(AggregatedReplicationState.Completed, version.ReplicationStatus.AggregatedState);
                Assert.All(version.PublishingProfile.TargetRegions, t => Assert.NotNull(t.StorageAccountType));
                Assert.NotNull(version.PublishingProfile.PublishedOn);
                break;
            case "VirtualNetworkCreate":
            case "VirtualNetworkCreateSubnet":
            case "PublicIpAddressCreateDefaults":
            case "NetworkInterfaceCreate":
                var type = example switch { "PublicIpAddressCreateDefaults" => "publicIPAddresses", "NetworkInterfaceCreate" => "networkInterfaces", _ => "virtualNetworks" };
                var nameKey = example switch { "PublicIpAddressCreateDefaults" => "publicIpAddressName", "NetworkInterfaceCreate" => "networkInterfaceName", _ => "virtualNetworkName" };
                var resource = (await c.Client.GetGenericResource(new ResourceIdentifier(c.Id($"Microsoft.Network/{type}/{c.P(nameKey)}"))).GetAsync()).Value.Data;
                var props = JsonNode.Parse(resource.Properties.ToString())!;
                Assert.Equal("Succeeded", props["provisioningState"]!.GetValue<string>());
                if (example == "VirtualNetworkCreateSubnet") Assert.Equal("test-1", props["subnets"]![0]!["name"]!.GetValue<string>());
                if (example == "NetworkInterfaceCreate")
                {
                    Assert.True(props["enableAcceleratedNetworking"]!.GetValue<bool>());
                    Assert.NotNull(props["ipConfigurations"]![0]!["properties"]!["privateIPAddress"]);
                }
                break;
            case "VirtualMachine_Get":
                Has(actual, "id", "name", "type", "location", "tags.myTag1", "properties.vmId", "properties.hardwareProfile.vmSize", "properties.storageProfile.imageReference.sku",
                    "properties.storageProfile.osDisk.managedDisk.id", "properties.storageProfile.dataDisks[0].managedDisk.id", "properties.osProfile.computerName",
                    "properties.networkProfile.networkInterfaces[0].id", "properties.provisioningState", "properties.timeCreated", "properties.userData");
                Assert.Null(actual!["properties"]!["instanceView"]);
                var withUserData = (await rg.GetVirtualMachineAsync(c.P("vmName"), InstanceViewType.UserData)).Value.Data;
                Assert.Equal(expected!["properties"]!["userData"]!.GetValue<string>(), withUserData.UserData);
                Assert.Equal(expected["properties"]!["hardwareProfile"]!["vmSize"]!.GetValue<string>(), withUserData.HardwareProfile.VmSize.ToString());
                Assert.Equal("myDataDisk0", withUserData.StorageProfile.DataDisks[0].Name);
                Assert.Equal("tagValue1", withUserData.Tags["myTag1"]);
                // userData is returned only when asked for.
                Assert.Null((await rg.GetVirtualMachineAsync(c.P("vmName"))).Value.Data.UserData);
                break;
            case "VirtualMachine_Deallocate_MaximumSet_Gen": await PowerIs(c, "deallocated"); break;
            case "VirtualMachine_PowerOff_MaximumSet_Gen": await PowerIs(c, "stopped"); break;
            case "VirtualMachine_Start_MaximumSet_Gen":
            case "VirtualMachine_Restart_MaximumSet_Gen": await PowerIs(c, "running"); break;
            case "VirtualMachineRunCommand_Get":
                Has(actual, "id", "name", "type", "location", "tags.tag1", "properties.source.script", "properties.parameters[1].value", "properties.runAsUser", "properties.timeoutInSeconds", "properties.provisioningState");
                Assert.Null(actual!["properties"]!["instanceView"]);
                var runCommand = (await (await rg.GetVirtualMachineAsync(c.P("vmName"))).Value.GetVirtualMachineRunCommandAsync(c.P("runCommandName"))).Value.Data;
                Assert.Equal(expected!["properties"]!["runAsUser"]!.GetValue<string>(), runCommand.RunAsUser);
                Assert.Equal(expected["properties"]!["timeoutInSeconds"]!.GetValue<int>(), runCommand.TimeoutInSeconds);
                Assert.Equal(expected["properties"]!["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()), runCommand.Parameters.Select(p => p.Name));
                Assert.Equal("Succeeded", runCommand.ProvisioningState);
                Assert.Equal(expected["type"]!.GetValue<string>(), runCommand.ResourceType.ToString());
                break;
            case "Image_Get":
                Has(actual, "id", "name", "type", "location", "properties.storageProfile.osDisk.osType", "properties.storageProfile.osDisk.managedDisk.id",
                    "properties.storageProfile.osDisk.osState", "properties.storageProfile.osDisk.storageAccountType", "properties.storageProfile.osDisk.diskSizeGB",
                    "properties.storageProfile.dataDisks", "properties.storageProfile.zoneResilient", "properties.provisioningState");
                var got = (await rg.GetDiskImageAsync(c.P("imageName"))).Value.Data;
                Assert.Equal(expected!["properties"]!["storageProfile"]!["osDisk"]!["osType"]!.GetValue<string>(), got.StorageProfile.OSDisk.OSType.ToString());
                Assert.Equal(OperatingSystemStateType.Generalized, got.StorageProfile.OSDisk.OSState);
                Assert.True(got.StorageProfile.ZoneResilient);
                Assert.Equal(StorageAccountType.StandardLrs, got.StorageProfile.OSDisk.StorageAccountType);
                Assert.Equal("Succeeded", got.ProvisioningState);
                break;
            case "Image_ListByResourceGroup":
                Has(actual, "value[0].id", "value[0].name", "value[0].type", "value[0].location", "value[0].properties.storageProfile.osDisk.osState", "value[0].properties.provisioningState");
                var images = new List<DiskImageResource>();
                await foreach (var i in rg.GetDiskImages().GetAllAsync()) images.Add(i);
                Assert.Equal(expected!["value"]![0]!["name"]!.GetValue<string>(), Assert.Single(images).Data.Name);
                break;
            case "Images_Delete_MaximumSet_Gen": Assert.False((await rg.GetDiskImages().ExistsAsync(c.P("imageName"))).Value); break;
            case "Disk_Get":
                Has(actual, "id", "name", "type", "location", "sku.name", "tags.department", "properties.osType", "properties.hyperVGeneration", "properties.creationData.createOption",
                    "properties.diskSizeGB", "properties.encryption.type", "properties.timeCreated", "properties.provisioningState");
                var gotDisk = (await rg.GetManagedDiskAsync(c.P("diskName"))).Value.Data;
                Assert.Equal(expected!["sku"]!["name"]!.GetValue<string>(), gotDisk.Sku.Name.ToString());
                Assert.Equal(expected["properties"]!["diskSizeGB"]!.GetValue<int>(), gotDisk.DiskSizeGB);
                Assert.Equal(expected["properties"]!["encryption"]!["type"]!.GetValue<string>(), gotDisk.Encryption.EncryptionType.ToString());
                Assert.Equal(SupportedOperatingSystemType.Windows, gotDisk.OSType);
                Assert.Equal("Succeeded", gotDisk.ProvisioningState);
                Assert.NotNull(gotDisk.TimeCreated);
                break;
            case "Snapshot_Get":
                Has(actual, "id", "name", "type", "location", "properties.creationData.createOption", "properties.creationData.sourceResourceId", "properties.creationData.sourceUniqueId",
                    "properties.diskSizeGB", "properties.encryption.type", "properties.timeCreated", "properties.provisioningState");
                var gotSnapshot = (await rg.GetSnapshotAsync(c.P("snapshotName"))).Value.Data;
                Assert.Equal(DiskCreateOption.Copy, gotSnapshot.CreationData.CreateOption);
                Assert.EndsWith("/disks/myDisk", gotSnapshot.CreationData.SourceResourceId.ToString());
                Assert.Equal(expected!["type"]!.GetValue<string>(), gotSnapshot.ResourceType.ToString());
                break;
            case "Snapshot_Delete": Assert.False((await rg.GetSnapshots().ExistsAsync(c.P("snapshotName"))).Value); break;
            case "Gallery_Get":
                Has(actual, "id", "name", "type", "location", "properties.description", "properties.identifier.uniqueName", "properties.provisioningState");
                var gotGallery = (await rg.GetGalleryAsync(c.P("galleryName"))).Value.Data;
                Assert.Equal(expected!["properties"]!["description"]!.GetValue<string>(), gotGallery.Description);
                Assert.Equal(expected["properties"]!["identifier"]!["uniqueName"]!.GetValue<string>().Replace("{subscription-id}", c.Sub), gotGallery.IdentifierUniqueName);
                break;
            case "Gallery_Delete": Assert.False((await rg.GetGalleries().ExistsAsync(c.P("galleryName"))).Value); break;
            case "GalleryImage_Get":
                Has(actual, "id", "name", "type", "location", "properties.osType", "properties.osState", "properties.hyperVGeneration", "properties.identifier.sku", "properties.provisioningState");
                var gotDefinition = (await (await rg.GetGalleryAsync(c.P("galleryName"))).Value.GetGalleryImageAsync(c.P("galleryImageName"))).Value.Data;
                Assert.Equal(expected!["properties"]!["osType"]!.GetValue<string>(), gotDefinition.OSType.ToString());
                Assert.Equal(expected["properties"]!["osState"]!.GetValue<string>(), gotDefinition.OSState.ToString());
                Assert.Equal(expected["properties"]!["hyperVGeneration"]!.GetValue<string>(), gotDefinition.HyperVGeneration.ToString());
                Assert.Equal(GalleryProvisioningState.Succeeded, gotDefinition.ProvisioningState);
                break;
            case "GalleryImage_ListByGallery":
                Has(actual, "value[0].id", "value[0].name", "value[0].properties.identifier.publisher", "value[0].properties.provisioningState");
                var definitions = new List<string>();
                await foreach (var d in (await rg.GetGalleryAsync(c.P("galleryName"))).Value.GetGalleryImages().GetAllAsync()) definitions.Add(d.Data.Name);
                Assert.Equal(new[] { c.P("galleryImageName") }, definitions);
                break;
            case "GalleryImage_Delete":
                Assert.False((await (await rg.GetGalleryAsync(c.P("galleryName"))).Value.GetGalleryImages().ExistsAsync(c.P("galleryImageName"))).Value); break;
            case "GalleryImageVersion_Get":
            case "GalleryImageVersion_Get_WithReplicationStatus":
                Has(actual, "id", "name", "type", "location", "properties.publishingProfile.targetRegions[1].regionalReplicaCount", "properties.publishingProfile.replicaCount",
                    "properties.publishingProfile.publishedDate", "properties.publishingProfile.storageAccountType", "properties.storageProfile.source.id",
                    "properties.storageProfile.osDiskImage.sizeInGB", "properties.storageProfile.osDiskImage.hostCaching", "properties.provisioningState");
                var withStatus = example.EndsWith("ReplicationStatus");
                Assert.Equal(withStatus, actual!["properties"]!["replicationStatus"] is not null);
                var definition = (await (await rg.GetGalleryAsync(c.P("galleryName"))).Value.GetGalleryImageAsync(c.P("galleryImageName"))).Value;
                var gotVersion = (await definition.GetGalleryImageVersionAsync(c.P("galleryImageVersionName"), withStatus ? ReplicationStatusType.ReplicationStatus : (ReplicationStatusType?)null)).Value.Data;
                Assert.Equal(expected!["properties"]!["publishingProfile"]!["targetRegions"]!.AsArray().Select(t => t!["regionalReplicaCount"]!.GetValue<int>()),
                    gotVersion.PublishingProfile.TargetRegions.Select(t => t.RegionalReplicaCount ?? 0));
                Assert.Equal(GalleryProvisioningState.Succeeded, gotVersion.ProvisioningState);
                if (withStatus)
                {
                    Assert.Equal(AggregatedReplicationState.Completed, gotVersion.ReplicationStatus.AggregatedState);
                    Assert.Equal(expected["properties"]!["replicationStatus"]!["summary"]!.AsArray().Select(r => (r!["state"]!.GetValue<string>(), r["progress"]!.GetValue<int>())),
                        gotVersion.ReplicationStatus.Summary.Select(r => (r.State.ToString()!, r.Progress ?? -1)));
                }
                else Assert.Null(gotVersion.ReplicationStatus);
                break;
            case "GalleryImageVersion_ListByGalleryImage":
                Has(actual, "value[0].id", "value[0].name", "value[0].properties.publishingProfile.targetRegions", "value[0].properties.storageProfile.source.id", "value[0].properties.provisioningState");
                var versions = new List<string>();
                await foreach (var v in (await (await rg.GetGalleryAsync(c.P("galleryName"))).Value.GetGalleryImageAsync(c.P("galleryImageName"))).Value.GetGalleryImageVersions().GetAllAsync()) versions.Add(v.Data.Name);
                Assert.Equal(new[] { c.P("galleryImageVersionName") }, versions);
                break;
            case "GalleryImageVersion_Delete":
                Assert.False((await (await (await rg.GetGalleryAsync(c.P("galleryName"))).Value.GetGalleryImageAsync(c.P("galleryImageName"))).Value.GetGalleryImageVersions().ExistsAsync(c.P("galleryImageVersionName"))).Value);
                break;
            case "VirtualNetworkGet":
                Has(actual, "id", "name", "type", "location", "properties.provisioningState", "properties.addressSpace.addressPrefixes[0]", "properties.subnets[0].id",
                    "properties.subnets[0].properties.addressPrefix", "properties.subnets[0].properties.provisioningState", "properties.virtualNetworkPeerings");
                Assert.Equal(expected!["properties"]!["subnets"]![0]!["name"]!.GetValue<string>(), actual!["properties"]!["subnets"]![0]!["name"]!.GetValue<string>());
                break;
            case "NetworkInterfaceGet":
                Has(actual, "id", "name", "location", "properties.provisioningState", "properties.ipConfigurations[0].id", "properties.ipConfigurations[0].properties.privateIPAddress",
                    "properties.ipConfigurations[0].properties.privateIPAllocationMethod", "properties.ipConfigurations[0].properties.publicIPAddress.id",
                    "properties.ipConfigurations[0].properties.subnet.id", "properties.ipConfigurations[0].properties.primary", "properties.ipConfigurations[0].properties.privateIPAddressVersion",
                    "properties.dnsSettings", "properties.macAddress", "properties.enableAcceleratedNetworking", "properties.enableIPForwarding", "properties.primary");
                Assert.StartsWith("172.20.2.", actual!["properties"]!["ipConfigurations"]![0]!["properties"]!["privateIPAddress"]!.GetValue<string>());
                break;
            default: throw new InvalidOperationException("no verification for " + example);
        }
    }

    private static async Task PowerIs(Context c, string power)
    {
        var view = (await (await c.Group.GetVirtualMachineAsync(c.P("vmName"))).Value.InstanceViewAsync()).Value;
        Assert.Contains(view.Statuses, s => s.Code == "PowerState/" + power);
    }
}
