using ImageTools.Emulator;
using ImageTools.Emulator.Control;

namespace ImageTools.PowerShell.Tests.Infrastructure;

/// <summary>
/// One in-process emulator for every test of this assembly (they run one at a time: the
/// module's connection is per process), with zero operation durations, and its connection file
/// for Connect-ImageTools -EmulatorConnectionFile. Each test works in its own resource group;
/// "no writes" assertions look at every ARM write after a mark, whatever its path.
/// </summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public EmulatorServer Server { get; private set; } = null!;
    public string ConnectionFile { get; } = Path.Combine(Path.GetTempPath(), "imagetools-ps-tests-" + Guid.NewGuid().ToString("N") + ".json");
    public EmulatorControlClient Control => Server.Control;
    public string SubscriptionId => Server.SubscriptionId;

    public async Task InitializeAsync()
    {
        Server = await EmulatorServer.StartAsync(new EmulatorOptions { Port = 0, Seed = 11 });
        await Server.WriteConnectionFileAsync(ConnectionFile);
        await Control.SetTimingAsync(new TimingSettings { OperationSeconds = 0 });
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        File.Delete(ConnectionFile);
    }

    /// <summary>A runspace with the module imported and connected to this emulator.</summary>
    public PsSession Session(TestHost? host = null) => PsSession.Open(host, import: true, connectionFile: ConnectionFile);

    /// <summary>A resource group name no other test uses.</summary>
    public static string NewGroup(string purpose) => $"rg-ps-{purpose}-{Guid.NewGuid().ToString("N")[..8]}".ToLowerInvariant();

    public Task<SeedVmResult> SeedVmAsync(string group, string name, string state = "running", string os = "Windows",
        string generation = "V2", Action<SeedVmRequest>? configure = null)
    {
        var request = new SeedVmRequest { ResourceGroup = group, Name = name, State = state, OsType = os, HyperVGeneration = generation };
        configure?.Invoke(request);
        return Control.SeedVmAsync(request);
    }

    /// <summary>The sequence number of the last request logged so far.</summary>
    public async Task<long> MarkAsync() => (await Control.GetRequestsAsync()).Select(r => r.Sequence).DefaultIfEmpty(0).Max();

    /// <summary>ARM requests after a mark (the log holds ARM requests only, not control calls).</summary>
    public async Task<List<RequestLogEntry>> RequestsAsync(long after) =>
        (await Control.GetRequestsAsync()).Where(r => r.Sequence > after).OrderBy(r => r.Sequence).ToList();

    /// <summary>PUT, PATCH, POST and DELETE requests after a mark, whatever their path.</summary>
    public async Task<List<RequestLogEntry>> WritesAsync(long after) =>
        (await RequestsAsync(after)).Where(r => r.Method is "PUT" or "PATCH" or "POST" or "DELETE").ToList();

    public async Task AssertNoWritesAsync(long after)
    {
        var writes = await WritesAsync(after);
        Assert.True(writes.Count == 0, "Expected no writes, saw: " + string.Join(", ", writes.Select(w => $"{w.Method} {w.Path}")));
    }

    /// <summary>Whether a resource exists, by a GET of its id through the emulator's ARM surface.</summary>
    public async Task<bool> ExistsAsync(string resourceId, string apiVersion = "2023-07-01")
    {
        using var http = new HttpClient(Server.CreateTrustingHandler()) { BaseAddress = Server.Endpoint };
        using var request = new HttpRequestMessage(HttpMethod.Get, resourceId.TrimStart('/') + "?api-version=" + apiVersion);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "test");
        using var response = await http.SendAsync(request);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
            return false;
        response.EnsureSuccessStatusCode();
        return true;
    }

    /// <summary>A snapshot (copy of a disk) made through the emulator's ARM surface, waited for.</summary>
    public async Task PutSnapshotAsync(string snapshotId, string diskId)
    {
        using var http = new HttpClient(Server.CreateTrustingHandler()) { BaseAddress = Server.Endpoint };
        using var request = new HttpRequestMessage(HttpMethod.Put, snapshotId.TrimStart('/') + "?api-version=2023-04-02")
        {
            Content = new StringContent($"{{\"location\":\"eastus\",\"properties\":{{\"creationData\":{{\"createOption\":\"Copy\",\"sourceResourceId\":\"{diskId}\"}}}}}}",
                System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "test");
        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"PUT {snapshotId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        await Kit.WaitUntilAsync(async () => (await GetAsync(snapshotId, "2023-04-02")).Str("properties", "provisioningState") == "Succeeded", "the snapshot");
    }

    /// <summary>Creates a resource group (PUT through the emulator's ARM surface), as an admin would before a command that needs one.</summary>
    public async Task CreateGroupAsync(string group, string location = "eastus")
    {
        using var http = new HttpClient(Server.CreateTrustingHandler()) { BaseAddress = Server.Endpoint };
        using var request = new HttpRequestMessage(HttpMethod.Put, $"subscriptions/{SubscriptionId}/resourceGroups/{group}?api-version=2022-09-01")
        {
            Content = new StringContent($"{{\"location\":\"{location}\"}}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "test");
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A resource PUT through the emulator's ARM surface as another tool would make it (the body as ARM JSON), waited for.</summary>
    public async Task PutAsync(string resourceId, string apiVersion, string json)
    {
        using var http = new HttpClient(Server.CreateTrustingHandler()) { BaseAddress = Server.Endpoint };
        using var request = new HttpRequestMessage(HttpMethod.Put, resourceId.TrimStart('/') + "?api-version=" + apiVersion)
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "test");
        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"PUT {resourceId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        await Kit.WaitUntilAsync(async () => (await GetAsync(resourceId, apiVersion)).Str("properties", "provisioningState") is "Succeeded" or null, resourceId);
    }

    /// <summary>A resource deleted through the emulator's ARM surface, as Remove-AzVM or the portal would, waited for.</summary>
    public async Task DeleteAsync(string resourceId, string apiVersion = "2023-07-01")
    {
        using var http = new HttpClient(Server.CreateTrustingHandler()) { BaseAddress = Server.Endpoint };
        using var request = new HttpRequestMessage(HttpMethod.Delete, resourceId.TrimStart('/') + "?api-version=" + apiVersion);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "test");
        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"DELETE {resourceId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        await Kit.WaitUntilAsync(async () => !await ExistsAsync(resourceId, apiVersion), resourceId);
    }

    /// <summary>The ARM JSON of a resource.</summary>
    public async Task<System.Text.Json.JsonElement> GetAsync(string resourceId, string apiVersion = "2023-07-01")
    {
        using var http = new HttpClient(Server.CreateTrustingHandler()) { BaseAddress = Server.Endpoint };
        using var request = new HttpRequestMessage(HttpMethod.Get, resourceId.TrimStart('/') + "?api-version=" + apiVersion);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "test");
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {resourceId}: {(int)response.StatusCode} {text}");
        return System.Text.Json.JsonDocument.Parse(text).RootElement.Clone();
    }
}

[CollectionDefinition(Name)]
public sealed class EmulatorCollection : ICollectionFixture<EmulatorFixture>
{
    public const string Name = "PowerShell";
}
