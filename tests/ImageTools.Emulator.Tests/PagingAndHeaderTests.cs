using System.Net;
using Azure;
using Azure.Core;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;
using Azure.ResourceManager.Resources;
using ImageTools.Emulator.Control;

namespace ImageTools.Emulator.Tests;

/// <summary>
/// Pageable lists (nextLink followed by the SDK) and the headers ARM puts on every response:
/// request ids and the remaining-request counters.
/// </summary>
public sealed class PagingAndHeaderTests : IClassFixture<EmulatorFixture>
{
    private const int Items = 5;
    private const int PageSize = 2;
    private readonly EmulatorFixture _f;
    public PagingAndHeaderTests(EmulatorFixture f) { _f = f; }

    private static AzureLocation West => new("westus");

    /// <summary>Reads the list through the SDK with a small page size; returns names and how many pages were fetched.</summary>
    private async Task<(List<string> Names, int Pages)> ReadAll<T>(Func<AsyncPageable<T>> list, Func<T, string> name, string pathSuffix)
    {
        await _f.Server.Control.SetPagingAsync(new PagingSettings { PageSize = PageSize });
        await _f.Server.Control.ClearRequestsAsync();
        try
        {
            var names = new List<string>();
            await foreach (var item in list()) names.Add(name(item));
            var pages = (await _f.Server.Control.GetRequestsAsync()).Count(r => r.Method == "GET" && r.Path.EndsWith(pathSuffix, StringComparison.OrdinalIgnoreCase) && r.Status == 200);
            return (names, pages);
        }
        finally { await _f.Server.Control.SetPagingAsync(new PagingSettings { PageSize = PagingSettings.DefaultPageSize }); }
    }

    private static void AllAcrossPages(IEnumerable<string> expected, (List<string> Names, int Pages) read)
    {
        Assert.Equal(expected.OrderBy(n => n), read.Names.OrderBy(n => n));
        Assert.Equal((Items + PageSize - 1) / PageSize, read.Pages);
    }

    private static IEnumerable<string> Names(string prefix) => Enumerable.Range(1, Items).Select(i => prefix + i);

    [Fact]
    public async Task Virtual_machines_are_read_across_pages_in_a_group_and_in_the_subscription()
    {
        var rg = await _f.CreateResourceGroupAsync(_f.UniqueName("rg-page-vm-"), "westus");
        foreach (var n in Names("pvm")) await _f.Server.Control.SeedVmAsync(new SeedVmRequest { ResourceGroup = rg.Data.Name, Name = n, Location = "westus", State = "deallocated" });
        AllAcrossPages(Names("pvm"), await ReadAll(() => rg.GetVirtualMachines().GetAllAsync(), v => v.Data.Name, "/virtualMachines"));
        var all = await ReadAll(() => _f.Subscription.GetVirtualMachinesAsync(), v => v.Data.Name, "/virtualMachines");
        Assert.Superset(Names("pvm").ToHashSet(), all.Names.ToHashSet());
        Assert.Equal(all.Names.Count, all.Names.Distinct().Count());
    }

    [Fact]
    public async Task Disks_snapshots_and_images_are_read_across_pages()
    {
        var rg = await _f.CreateResourceGroupAsync(_f.UniqueName("rg-page-disk-"), "westus");
        foreach (var n in Names("pdisk"))
            await rg.GetManagedDisks().CreateOrUpdateAsync(WaitUntil.Completed, n, new ManagedDiskData(West) { CreationData = new DiskCreationData(DiskCreateOption.Empty), DiskSizeGB = 8, OSType = SupportedOperatingSystemType.Linux });
        var source = rg.GetManagedDisk("pdisk1").Value;
        foreach (var n in Names("psnap"))
            await rg.GetSnapshots().CreateOrUpdateAsync(WaitUntil.Completed, n, new SnapshotData(West) { CreationData = new DiskCreationData(DiskCreateOption.Copy) { SourceResourceId = source.Id } });
        foreach (var n in Names("pimg"))
            await rg.GetDiskImages().CreateOrUpdateAsync(WaitUntil.Completed, n, new DiskImageData(West)
            {
                StorageProfile = new ImageStorageProfile { OSDisk = new ImageOSDisk(SupportedOperatingSystemType.Linux, OperatingSystemStateType.Generalized) { ManagedDiskId = source.Id } },
            });

        AllAcrossPages(Names("pdisk"), await ReadAll(() => rg.GetManagedDisks().GetAllAsync(), d => d.Data.Name, "/disks"));
        AllAcrossPages(Names("psnap"), await ReadAll(() => rg.GetSnapshots().GetAllAsync(), s => s.Data.Name, "/snapshots"));
        AllAcrossPages(Names("pimg"), await ReadAll(() => rg.GetDiskImages().GetAllAsync(), i => i.Data.Name, "/images"));
    }

    [Fact]
    public async Task Galleries_definitions_and_versions_are_read_across_pages()
    {
        var rg = await _f.CreateResourceGroupAsync(_f.UniqueName("rg-page-gal-"), "westus");
        foreach (var n in Names("pgal")) await rg.GetGalleries().CreateOrUpdateAsync(WaitUntil.Completed, n, new GalleryData(West));
        var gallery = rg.GetGallery("pgal1").Value;
        foreach (var n in Names("pdef"))
            await gallery.GetGalleryImages().CreateOrUpdateAsync(WaitUntil.Completed, n, new GalleryImageData(West)
            {
                OSType = SupportedOperatingSystemType.Windows, OSState = OperatingSystemStateType.Generalized, HyperVGeneration = HyperVGeneration.V2,
                Identifier = new GalleryImageIdentifier("pub", "offer", n),
            });
        var definition = gallery.GetGalleryImage("pdef1").Value;
        var seeded = await _f.Server.Control.SeedVmAsync(new SeedVmRequest { ResourceGroup = rg.Data.Name, Name = "pgsrc", Location = "westus", State = "generalized" });
        var versions = Enumerable.Range(1, Items).Select(i => $"1.0.{i}").ToList();
        foreach (var v in versions)
            await definition.GetGalleryImageVersions().CreateOrUpdateAsync(WaitUntil.Completed, v, new GalleryImageVersionData(West)
            {
                StorageProfile = new GalleryImageVersionStorageProfile { GallerySource = new GalleryArtifactVersionFullSource { Id = new ResourceIdentifier(seeded.Id) } },
            });

        AllAcrossPages(Names("pgal"), await ReadAll(() => rg.GetGalleries().GetAllAsync(), g => g.Data.Name, "/galleries"));
        AllAcrossPages(Names("pdef"), await ReadAll(() => gallery.GetGalleryImages().GetAllAsync(), d => d.Data.Name, "/images"));
        AllAcrossPages(versions, await ReadAll(() => definition.GetGalleryImageVersions().GetAllAsync(), v => v.Data.Name, "/versions"));
    }

    [Fact]
    public async Task A_page_carries_a_next_link_with_the_api_version_and_the_last_page_none()
    {
        var rg = await _f.CreateResourceGroupAsync(_f.UniqueName("rg-page-raw-"), "westus");
        foreach (var n in Names("rawg")) await rg.GetGalleries().CreateOrUpdateAsync(WaitUntil.Completed, n, new GalleryData(West));
        await _f.Server.Control.SetPagingAsync(new PagingSettings { PageSize = 3 });
        try
        {
            using var http = TestArm.RawClient(_f.Server);
            var (status, first) = await TestArm.SendAsync(http, HttpMethod.Get, $"subscriptions/{_f.SubscriptionId}/resourceGroups/{rg.Data.Name}/providers/Microsoft.Compute/galleries?api-version=2022-03-03");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(3, first!["value"]!.AsArray().Count);
            var next = new Uri(first["nextLink"]!.GetValue<string>());
            Assert.Equal(_f.Server.Endpoint.Authority, next.Authority);
            Assert.Contains("api-version=2022-03-03", next.Query);
            var (_, second) = await TestArm.SendAsync(http, HttpMethod.Get, next.PathAndQuery);
            Assert.Equal(2, second!["value"]!.AsArray().Count);
            Assert.Null(second["nextLink"]);
        }
        finally { await _f.Server.Control.SetPagingAsync(new PagingSettings { PageSize = PagingSettings.DefaultPageSize }); }
    }

    [Fact]
    public async Task Control_api_refuses_a_page_size_below_one_and_defaults_large()
    {
        Assert.Equal(PagingSettings.DefaultPageSize, (await _f.Server.Control.GetPagingAsync()).PageSize);
        await Assert.ThrowsAsync<InvalidOperationException>(() => _f.Server.Control.SetPagingAsync(new PagingSettings { PageSize = 0 }));
    }

    [Fact]
    public async Task Every_response_carries_request_ids_the_sdk_reads()
    {
        var rg = await _f.CreateResourceGroupAsync(_f.UniqueName("rg-hdr-"), "westus");
        var response = (await rg.GetAsync()).GetRawResponse();
        Assert.True(Guid.TryParse(response.Headers.RequestId, out _));
        Assert.True(response.Headers.TryGetValue("x-ms-correlation-request-id", out var correlation));
        Assert.True(Guid.TryParse(correlation, out _));

        using var http = TestArm.RawClient(_f.Server);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"subscriptions/{_f.SubscriptionId}/resourcegroups/{rg.Data.Name}?api-version=2022-09-01");
        var mine = Guid.NewGuid().ToString();
        request.Headers.Add("x-ms-correlation-request-id", mine);
        using var raw = await http.SendAsync(request);
        Assert.Equal(mine, raw.Headers.GetValues("x-ms-correlation-request-id").Single());
        Assert.NotEqual(raw.Headers.GetValues("x-ms-request-id").Single(), response.Headers.RequestId);
    }
}

/// <summary>The remaining-request counters start full after a reset, so they get an emulator of their own.</summary>
public sealed class RateLimitHeaderTests : IAsyncLifetime
{
    private EmulatorServer _server = null!;
    public async Task InitializeAsync() => _server = await EmulatorServer.StartAsync(new EmulatorOptions { Port = 0 });
    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static string Header(HttpResponseMessage r, string name) => r.Headers.TryGetValues(name, out var v) ? v.Single() : "";

    private async Task<HttpResponseMessage> Send(HttpClient http, HttpMethod method, string path, string? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = TestArm.JsonBody(body);
        var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    [Fact]
    public async Task Subscription_counters_decrease_per_request_by_kind_and_reset_restores_them()
    {
        using var http = TestArm.RawClient(_server);
        var group = $"subscriptions/{_server.SubscriptionId}/resourcegroups/rl?api-version=2022-09-01";
        var put = await Send(http, HttpMethod.Put, group, """{"location":"westus"}""");
        Assert.Equal("1199", Header(put, "x-ms-ratelimit-remaining-subscription-writes"));
        Assert.Equal("", Header(put, "x-ms-ratelimit-remaining-subscription-reads"));
        Assert.Equal("11999", Header(await Send(http, HttpMethod.Get, group), "x-ms-ratelimit-remaining-subscription-reads"));
        Assert.Equal("11998", Header(await Send(http, HttpMethod.Get, group), "x-ms-ratelimit-remaining-subscription-reads"));
        Assert.Equal("1198", Header(await Send(http, HttpMethod.Patch, group, """{"tags":{"a":"b"}}"""), "x-ms-ratelimit-remaining-subscription-writes"));
        var delete = await Send(http, HttpMethod.Delete, group);
        Assert.Equal("14999", Header(delete, "x-ms-ratelimit-remaining-subscription-deletes"));
        Assert.Equal("", Header(delete, "x-ms-ratelimit-remaining-subscription-writes"));

        await _server.Control.ResetAsync();
        Assert.Equal("11999", Header(await Send(http, HttpMethod.Get, $"subscriptions/{_server.SubscriptionId}?api-version=2022-12-01"), "x-ms-ratelimit-remaining-subscription-reads"));
    }

    [Fact]
    public async Task Virtual_machine_requests_report_computes_put_and_get_policies()
    {
        var seeded = await _server.Control.SeedVmAsync(new SeedVmRequest { ResourceGroup = "rlvm", Name = "vm1", Location = "westus", State = "running" });
        using var http = TestArm.RawClient(_server);
        var vm = seeded.Id.TrimStart('/') + "?api-version=2023-07-01";
        Assert.Equal("Microsoft.Compute/LowCostGet3Min;3999,Microsoft.Compute/LowCostGet30Min;31999", Header(await Send(http, HttpMethod.Get, vm), "x-ms-ratelimit-remaining-resource"));
        Assert.Equal("Microsoft.Compute/LowCostGet3Min;3998,Microsoft.Compute/LowCostGet30Min;31998", Header(await Send(http, HttpMethod.Get, vm), "x-ms-ratelimit-remaining-resource"));
        Assert.Equal("Microsoft.Compute/HighCostGet3Min;159,Microsoft.Compute/HighCostGet30Min;799",
            Header(await Send(http, HttpMethod.Get, seeded.Id.TrimStart('/') + "/instanceView?api-version=2023-07-01"), "x-ms-ratelimit-remaining-resource"));
        Assert.Equal("Microsoft.Compute/HighCostGet3Min;158,Microsoft.Compute/HighCostGet30Min;798",
            Header(await Send(http, HttpMethod.Get, vm + "&$expand=instanceView"), "x-ms-ratelimit-remaining-resource"));
        Assert.Equal("Microsoft.Compute/PutVM3Min;239,Microsoft.Compute/PutVM30Min;1199",
            Header(await Send(http, HttpMethod.Patch, vm, """{"tags":{"k":"v"}}"""), "x-ms-ratelimit-remaining-resource"));
        // Requests outside those policies carry only the subscription counter.
        Assert.Equal("", Header(await Send(http, HttpMethod.Get, seeded.OsDiskId.TrimStart('/') + "?api-version=2023-04-02"), "x-ms-ratelimit-remaining-resource"));
    }
}
