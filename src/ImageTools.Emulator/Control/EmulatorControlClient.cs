using System.Net.Http.Json;
using System.Text.Json;
using ImageTools.Emulator.Arm;

namespace ImageTools.Emulator.Control;

/// <summary>Typed client of the /_emulator/ control API, for tests and benchmarks.</summary>
public sealed class EmulatorControlClient
{
    private readonly HttpClient _http;

    /// <param name="http">An HttpClient whose BaseAddress is the emulator endpoint and which trusts its certificate.</param>
    public EmulatorControlClient(HttpClient http) { _http = http; }

    private async Task<T> Send<T>(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, "_emulator/" + path);
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: Json.Web);
        using var response = await _http.SendAsync(request, ct).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Control API {method} /_emulator/{path} failed with {(int)response.StatusCode}: {text}");
        if (typeof(T) == typeof(bool) || string.IsNullOrEmpty(text)) return default!;
        return JsonSerializer.Deserialize<T>(text, Json.Web)!;
    }

    public Task<EmulatorHealth> GetHealthAsync(CancellationToken ct = default) => Send<EmulatorHealth>(HttpMethod.Get, "health", null, ct);

    public Task ResetAsync(CancellationToken ct = default) => Send<bool>(HttpMethod.Post, "reset", null, ct);

    public Task<GuestTraits> GetGuestAsync(string resourceGroup, string vmName, CancellationToken ct = default) =>
        Send<GuestTraits>(HttpMethod.Get, $"vms/{Uri.EscapeDataString(resourceGroup)}/{Uri.EscapeDataString(vmName)}/guest", null, ct);

    public Task<GuestTraits> SetGuestAsync(string resourceGroup, string vmName, GuestTraits traits, CancellationToken ct = default) =>
        Send<GuestTraits>(HttpMethod.Put, $"vms/{Uri.EscapeDataString(resourceGroup)}/{Uri.EscapeDataString(vmName)}/guest", traits, ct);

    public Task<SeedVmResult> SeedVmAsync(SeedVmRequest request, CancellationToken ct = default) => Send<SeedVmResult>(HttpMethod.Post, "vms", request, ct);

    public Task<SeedStorageAccountResult> SeedStorageAccountAsync(SeedStorageAccountRequest request, CancellationToken ct = default) =>
        Send<SeedStorageAccountResult>(HttpMethod.Post, "storageaccounts", request, ct);

    public Task<PutBlobResult> PutBlobAsync(string account, string container, string blob, PutBlobRequest request, CancellationToken ct = default) =>
        Send<PutBlobResult>(HttpMethod.Put, $"storageaccounts/{Uri.EscapeDataString(account)}/blobs/{Uri.EscapeDataString(container)}/{Uri.EscapeDataString(blob)}", request, ct);

    public async Task<string> AddFaultAsync(FaultRule fault, CancellationToken ct = default) =>
        (await Send<JsonElement>(HttpMethod.Post, "faults", fault, ct).ConfigureAwait(false)).GetProperty("id").GetString()!;

    public Task<List<FaultRule>> GetFaultsAsync(CancellationToken ct = default) => Send<List<FaultRule>>(HttpMethod.Get, "faults", null, ct);

    public Task ClearFaultsAsync(CancellationToken ct = default) => Send<bool>(HttpMethod.Delete, "faults", null, ct);

    public Task<List<RequestLogEntry>> GetRequestsAsync(bool clear = false, CancellationToken ct = default) =>
        Send<List<RequestLogEntry>>(HttpMethod.Get, clear ? "requests?clear=true" : "requests", null, ct);

    public Task ClearRequestsAsync(CancellationToken ct = default) => Send<bool>(HttpMethod.Delete, "requests", null, ct);

    public Task<TimingSettings> SetTimingAsync(TimingSettings timing, CancellationToken ct = default) => Send<TimingSettings>(HttpMethod.Put, "timing", timing, ct);

    public Task<TimingSettings> GetTimingAsync(CancellationToken ct = default) => Send<TimingSettings>(HttpMethod.Get, "timing", null, ct);

    public Task<ReplicationSettings> SetReplicationAsync(ReplicationSettings settings, CancellationToken ct = default) => Send<ReplicationSettings>(HttpMethod.Put, "replication", settings, ct);

    public Task<PagingSettings> SetPagingAsync(PagingSettings paging, CancellationToken ct = default) => Send<PagingSettings>(HttpMethod.Put, "paging", paging, ct);

    public Task<PagingSettings> GetPagingAsync(CancellationToken ct = default) => Send<PagingSettings>(HttpMethod.Get, "paging", null, ct);

    public Task<RateLimitSettings> GetRateLimitsAsync(CancellationToken ct = default) => Send<RateLimitSettings>(HttpMethod.Get, "ratelimits", null, ct);

    /// <summary>Replaces the budgets: the ones given are enforced, the others go back to ARM's sizes (reported only); every window starts empty.</summary>
    public Task<RateLimitSettings> SetRateLimitsAsync(RateLimitSettings settings, CancellationToken ct = default) => Send<RateLimitSettings>(HttpMethod.Put, "ratelimits", settings, ct);

    public Task<JsonElement> SetQuotaAsync(string location, IDictionary<string, long> limits, CancellationToken ct = default) =>
        Send<JsonElement>(HttpMethod.Put, $"quota/{Uri.EscapeDataString(location)}", limits, ct);

    /// <summary>What the emulator holds beside a disk's or snapshot's ARM body: the guest state a VM booted from it finds, and its upload.</summary>
    public Task<JsonElement> GetDiskAsync(string resourceGroup, string name, CancellationToken ct = default) =>
        Send<JsonElement>(HttpMethod.Get, $"disks/{Uri.EscapeDataString(resourceGroup)}/{Uri.EscapeDataString(name)}", null, ct);
}
