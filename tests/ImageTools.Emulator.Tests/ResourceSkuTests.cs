using System.Net;
using Azure;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;

namespace ImageTools.Emulator.Tests;

/// <summary>GET …/providers/Microsoft.Compute/skus through the SDK, and its agreement with the VM PUT rules.</summary>
public sealed class ResourceSkuTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;
    public ResourceSkuTests(EmulatorFixture f) { _f = f; }

    private async Task<List<ComputeResourceSku>> Skus(string? filter = null)
    {
        var list = new List<ComputeResourceSku>();
        await foreach (var sku in _f.Subscription.GetComputeResourceSkusAsync(filter)) list.Add(sku);
        return list;
    }

    private static string Cap(ComputeResourceSku sku, string name) => sku.Capabilities.Single(c => c.Name == name).Value;

    [Fact]
    public async Task The_sdk_reads_the_filtered_list_with_family_generations_and_vcpus()
    {
        var mark = (await _f.Server.Control.GetRequestsAsync()).Select(r => r.Sequence).DefaultIfEmpty(0).Max();
        var skus = await Skus("location eq 'westeurope'");

        Assert.NotEmpty(skus);
        Assert.All(skus, s =>
        {
            Assert.Equal("virtualMachines", s.ResourceType);
            Assert.Equal("Standard", s.Tier);
            Assert.Equal(["westeurope"], s.Locations.Select(l => l.Name));
            Assert.Equal("westeurope", s.LocationInfo.Single().Location!.Value.Name);
            Assert.Equal(["1", "2", "3"], s.LocationInfo.Single().Zones);
            Assert.Empty(s.Restrictions);
            Assert.StartsWith("standard", s.Family);
        });
        Assert.Equal(skus.Count, skus.Select(s => s.Name).Distinct().Count());

        var a1 = skus.Single(s => s.Name == "Standard_A1_v2");
        Assert.Equal("A1_v2", a1.Size);
        Assert.Equal("standardAv2Family", a1.Family);
        Assert.Equal("V1", Cap(a1, "HyperVGenerations"));
        Assert.Equal("1", Cap(a1, "vCPUs"));
        Assert.Equal("2", Cap(a1, "MemoryGB"));
        Assert.Equal("False", Cap(a1, "PremiumIO"));
        Assert.Equal("True", Cap(a1, "TrustedLaunchDisabled"));

        var d2s = skus.Single(s => s.Name == "Standard_D2s_v3");
        Assert.Equal("standardDSv3Family", d2s.Family);
        Assert.Equal("V1,V2", Cap(d2s, "HyperVGenerations"));
        Assert.Equal("2", Cap(d2s, "vCPUs"));
        Assert.Equal("True", Cap(d2s, "PremiumIO"));
        Assert.DoesNotContain(d2s.Capabilities, c => c.Name == "TrustedLaunchDisabled");

        Assert.Equal("V2", Cap(skus.Single(s => s.Name == "Standard_D2s_v6"), "HyperVGenerations"));
        var dc = skus.Single(s => s.Name == "Standard_DC2as_v5");
        Assert.Equal("SNP", Cap(dc, "ConfidentialComputingType"));
        Assert.Equal("V2", Cap(dc, "HyperVGenerations"));
        Assert.Equal("3.5", Cap(skus.Single(s => s.Name == "Standard_D1_v2"), "MemoryGB"));

        var request = (await _f.Server.Control.GetRequestsAsync()).Single(r => r.Sequence > mark && r.Path.EndsWith("/providers/Microsoft.Compute/skus", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("GET", request.Method);
        Assert.Contains("api-version=2021-07-01", request.Query);
        Assert.Equal(200, request.Status);
    }

    [Fact]
    public async Task Without_a_filter_every_location_is_listed_and_an_unknown_location_lists_nothing()
    {
        var all = await Skus();
        Assert.Contains(all, s => s.Locations.Single().Name == "eastus" && s.Name == "Standard_B2s");
        Assert.Contains(all, s => s.Locations.Single().Name == "brazilsouth" && s.Name == "Standard_B2s");
        Assert.Equal(all.Count(s => s.Locations.Single().Name == "eastus"), (await Skus("location eq 'East US'")).Count);
        Assert.Empty(await Skus("location eq 'atlantis'"));
    }

    [Fact]
    public async Task An_unsupported_filter_is_400_InvalidParameter()
    {
        using var http = TestArm.RawClient(_f.Server);
        var (status, body) = await TestArm.SendAsync(http, HttpMethod.Get,
            $"/subscriptions/{_f.SubscriptionId}/providers/Microsoft.Compute/skus?api-version=2021-07-01&$filter=" + Uri.EscapeDataString("name eq 'Standard_B2s'"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("InvalidParameter", (string?)body!["error"]!["code"]);
    }

    [Fact]
    public async Task A_size_listed_without_a_generation_is_one_the_vm_put_refuses_for_it()
    {
        var skus = await Skus("location eq 'eastus'");
        var v1Only = skus.First(s => Cap(s, "HyperVGenerations") == "V1").Name;
        var v2Only = skus.First(s => Cap(s, "HyperVGenerations") == "V2" && !s.Capabilities.Any(c => c.Name == "ConfidentialComputingType")).Name;

        var rg = await _f.CreateResourceGroupAsync(_f.UniqueName("rg-sku-"));
        var nic = await Scenario.CreateNicAsync(_f.Client, _f.SubscriptionId, rg.Data.Name, "sku-nic");
        var gen2 = Scenario.VmData(nic, Scenario.Marketplace("Canonical:0001-com-ubuntu-server-jammy:22_04-lts-gen2:latest"), "skuvm", size: v1Only, windows: false);
        var ex = await Scenario.Fails(() => rg.GetVirtualMachines().CreateOrUpdateAsync(WaitUntil.Completed, "skuvm", gen2));
        Assert.Contains($"The selected VM size '{v1Only}' cannot boot Hypervisor Generation '2'.", ex.Message);

        var gen1 = Scenario.VmData(nic, Scenario.Marketplace("MicrosoftWindowsServer:WindowsServer:2022-datacenter:latest"), "skuvm", size: v2Only);
        ex = await Scenario.Fails(() => rg.GetVirtualMachines().CreateOrUpdateAsync(WaitUntil.Completed, "skuvm", gen1));
        Assert.Contains($"The selected VM size '{v2Only}' cannot boot Hypervisor Generation '1'.", ex.Message);
    }
}
