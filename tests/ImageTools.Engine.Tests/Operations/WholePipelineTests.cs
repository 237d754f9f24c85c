using System.Net;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Tests.Infrastructure;
using ImageTools.Engine.Tests.Publish;
using ImageTools.Models;

namespace ImageTools.Engine.Tests.Operations;

/// <summary>
/// The whole pipeline, each stage fed with the previous stage's output object exactly as the
/// cmdlets bind it (by its Id): marketplace base VM | Invoke-VmGeneralize [| New-CapturedImage]
/// | Publish-GalleryVersion (2 regions) | New-VmFromImage -Count 3.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class WholePipelineTests(EmulatorFixture emulator)
{
    [Theory]
    [InlineData("MicrosoftWindowsServer:WindowsServer:2022-datacenter-g2", false, "V2")]
    [InlineData("MicrosoftWindowsServer:WindowsServer:2022-datacenter", true, "V1")]
    public async Task Marketplace_vm_to_a_fleet_of_three(string urn, bool throughManagedImage, string generation)
    {
        var group = EmulatorFixture.NewGroup("pipeline");
        await emulator.MarketplaceVmAsync(group, "base01", urn);
        var host = new RecordingHost();

        var vm = await emulator.Engine.GeneralizeAsync(Refusals.Generalize(group, "base01"), host);
        Assert.NotNull(vm);
        Assert.Equal("Generalized", vm!.OsState);
        var sourceId = vm.Id;
        if (throughManagedImage)
        {
            var image = await emulator.Engine.CaptureAsync(Refusals.Capture(vm.Id), host);
            Assert.Equal(generation, image!.HyperVGeneration);
            sourceId = image.Id;
        }

        var version = await emulator.Engine.PublishAsync(new PublishRequest
        {
            Source = ResourceReference.FromId(sourceId), GalleryResourceGroupName = group, GalleryName = "corp", DefinitionName = "web",
            Publisher = "contoso", Offer = "web", Sku = generation, Version = "auto",
            TargetRegions = PublishKit.Regions("eastus=2", "westeurope"),
        }, host);
        Assert.NotNull(version);
        Assert.Equal("1.0.0", version!.Name);
        Assert.Equal(generation, version.HyperVGeneration);
        Assert.Equal("Completed", version.ReplicationState);
        Assert.Equal(new[] { "eastus", "westeurope" }, version.TargetRegions.Select(r => Normalize(r.Name)).OrderBy(n => n));
        Assert.All(version.TargetRegions, r => Assert.Equal("Completed", r.State));

        var mark = await emulator.MarkAsync();
        await emulator.Engine.DeployAsync(new DeployRequest
        {
            Source = ResourceReference.FromId(version.Id), ResourceGroupName = group, Name = "web", Count = 3,
            Credential = new NetworkCredential("azureops", "Fleet-Passw0rd-42"),
        }, host);

        Assert.Empty(host.Errors);
        var fleet = host.Objects.OfType<VmInfo>().Where(v => v.Name.StartsWith("web-", StringComparison.Ordinal)).OrderBy(v => v.Name).ToList();
        Assert.Equal(new[] { "web-01", "web-02", "web-03" }, fleet.Select(v => v.Name));
        Assert.All(fleet, v =>
        {
            Assert.Equal("Succeeded", v.ProvisioningState);
            Assert.Equal("running", v.PowerState);
            Assert.Equal(generation, v.HyperVGeneration);
            Assert.Equal("Windows", v.OsType);
            Assert.Equal(version.Id, v.SourceImageId, ignoreCase: true);
            Assert.Equal(v.Name, v.ComputerName);
        });
        // The three VMs really exist in ARM, created by three VM PUTs, and no secret reached the host's streams.
        var vmPuts = (await emulator.WritesAsync(group, mark)).Where(r => r.Method == "PUT" && r.Path.Contains("/virtualMachines/web-", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Equal(3, vmPuts.Select(r => r.Path.ToLowerInvariant()).Distinct().Count());
        Assert.DoesNotContain(host.Verbose.Concat(host.Warnings), line => line.Contains("Fleet-Passw0rd-42"));
    }

    private static string Normalize(string region) => region.Replace(" ", "").ToLowerInvariant();
}
