using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Azure;
using Azure.Core;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Resources;
using ImageTools.Emulator.Control;

namespace ImageTools.Emulator.Tests;

/// <summary>
/// Budgets set through /_emulator/ratelimits are enforced as ARM and Compute enforce theirs: 429 with
/// Retry-After and the throttling error, counters that count down, the SDK's retry getting through.
/// Windows are a few seconds long; every test gets an emulator of its own.
/// </summary>
public sealed class RateLimitEnforcementTests : IAsyncLifetime
{
    private EmulatorServer _server = null!;
    public async Task InitializeAsync() => _server = await EmulatorServer.StartAsync(new EmulatorOptions { Port = 0 });
    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static string Header(HttpResponseMessage r, string name) => r.Headers.TryGetValues(name, out var v) ? v.Single() : "";

    private static RateLimitSettings Budget(params (string Policy, int Limit, double WindowSeconds)[] budgets)
    {
        var settings = new RateLimitSettings();
        foreach (var (policy, limit, window) in budgets) settings.Policies[policy] = new RateLimitPolicy { Limit = limit, WindowSeconds = window };
        return settings;
    }

    private static async Task<HttpResponseMessage> Send(HttpClient http, HttpMethod method, string path, string? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = TestArm.JsonBody(body);
        return await http.SendAsync(request);
    }

    private async Task<(string Id, string Body)> SeedVm()
    {
        var seeded = await _server.Control.SeedVmAsync(new SeedVmRequest { ResourceGroup = "rl", Name = "vm1", Location = "westus" });
        using var http = TestArm.RawClient(_server);
        var body = await (await Send(http, HttpMethod.Get, seeded.Id.TrimStart('/') + "?api-version=2023-07-01")).Content.ReadAsStringAsync();
        return (seeded.Id, body);
    }

    [Fact]
    public async Task The_fourth_vm_put_in_a_three_put_window_is_429_with_computes_body_and_passes_once_retry_after_has_passed()
    {
        var (id, body) = await SeedVm();
        await _server.Control.SetRateLimitsAsync(Budget(("PutVM3Min", 3, 4)));
        using var http = TestArm.RawClient(_server);
        var path = id.TrimStart('/') + "?api-version=2023-07-01";

        for (var left = 2; left >= 0; left--)
        {
            using var ok = await Send(http, HttpMethod.Put, path, body);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal($"Microsoft.Compute/PutVM3Min;{left},Microsoft.Compute/PutVM30Min;{1197 + left}", Header(ok, "x-ms-ratelimit-remaining-resource"));
        }

        using var refused = await Send(http, HttpMethod.Put, path, body);
        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        var retryAfter = refused.Headers.RetryAfter!.Delta!.Value;
        Assert.InRange(retryAfter.TotalSeconds, 1, 4);
        Assert.Equal("Microsoft.Compute/PutVM3Min;0,Microsoft.Compute/PutVM30Min;1197", Header(refused, "x-ms-ratelimit-remaining-resource"));
        var error = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal("OperationNotAllowed", error["code"]!.GetValue<string>());
        Assert.Equal("The server rejected the request because too many requests have been received for this subscription.", error["message"]!.GetValue<string>());
        var detail = error["details"]![0]!;
        Assert.Equal("TooManyRequests", detail["code"]!.GetValue<string>());
        Assert.Equal("PutVM3Min", detail["target"]!.GetValue<string>());
        var measured = JsonNode.Parse(detail["message"]!.GetValue<string>())!;
        Assert.Equal("PutVM3Min", measured["operationGroup"]!.GetValue<string>());
        Assert.Equal(3, measured["allowedRequestCount"]!.GetValue<int>());
        Assert.Equal(4, measured["measuredRequestCount"]!.GetValue<int>());
        var log = await _server.Control.GetRequestsAsync();
        Assert.Equal("PutVM3Min", log[^1].ThrottledBy);
        Assert.Equal(429, log[^1].Status);

        await Task.Delay(retryAfter);
        using var again = await Send(http, HttpMethod.Put, path, body);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        // GETs of the VM are another policy: the PUT budget does not touch them.
        using var read = await Send(http, HttpMethod.Get, path);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task The_sdk_retry_policy_waits_for_retry_after_and_the_put_goes_through()
    {
        var (id, _) = await SeedVm();
        await _server.Control.SetRateLimitsAsync(Budget(("PutVM3Min", 1, 3)));
        // Azure.Core's default retry options (3 retries, up to 60 s between them), as the module uses them.
        var client = TestArm.CreateClient(_server.Endpoint, _server.CertificateThumbprint, _server.SubscriptionId, maxRetries: 3, maxDelay: TimeSpan.FromSeconds(60));
        var vm = (await client.GetVirtualMachineResource(new ResourceIdentifier(id)).GetAsync()).Value;
        var group = client.GetResourceGroupResource(ResourceGroupResource.CreateResourceIdentifier(_server.SubscriptionId, "rl"));

        vm.Data.Tags["round"] = "1";
        await group.GetVirtualMachines().CreateOrUpdateAsync(WaitUntil.Completed, "vm1", vm.Data);
        var watch = Stopwatch.StartNew();
        vm.Data.Tags["round"] = "2";
        var second = (await group.GetVirtualMachines().CreateOrUpdateAsync(WaitUntil.Completed, "vm1", vm.Data)).Value;
        watch.Stop();

        Assert.Equal("2", second.Data.Tags["round"]);
        var puts = (await _server.Control.GetRequestsAsync()).Where(r => r.Method == "PUT").ToList();
        Assert.Equal(new[] { 200, 429, 200 }, puts.Select(p => p.Status));
        Assert.Equal("PutVM3Min", puts[1].ThrottledBy);
        // One refusal only: the retry came after Retry-After (at least 1 s), not after the policy's own short delay.
        Assert.True(puts[2].Time - puts[1].Time >= TimeSpan.FromSeconds(0.9), $"retried after {(puts[2].Time - puts[1].Time).TotalSeconds:0.00} s");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task Subscription_read_and_write_budgets_count_down_and_refuse_with_arms_text()
    {
        await _server.Control.SetRateLimitsAsync(Budget((RateLimitNames.Reads, 2, 3), (RateLimitNames.Writes, 1, 60)));
        using var http = TestArm.RawClient(_server);
        var group = $"subscriptions/{_server.SubscriptionId}/resourcegroups/rl?api-version=2022-09-01";

        using (var put = await Send(http, HttpMethod.Put, group, """{"location":"westus"}"""))
            Assert.Equal("0", Header(put, "x-ms-ratelimit-remaining-subscription-writes"));
        using (var first = await Send(http, HttpMethod.Get, group))
            Assert.Equal("1", Header(first, "x-ms-ratelimit-remaining-subscription-reads"));
        using (var second = await Send(http, HttpMethod.Get, group))
            Assert.Equal("0", Header(second, "x-ms-ratelimit-remaining-subscription-reads"));

        using var refused = await Send(http, HttpMethod.Get, group);
        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        var seconds = (long)refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
        Assert.InRange(seconds, 1, 3);
        var error = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal("SubscriptionRequestsThrottled", error["code"]!.GetValue<string>());
        Assert.Equal($"Number of read requests for subscription '{_server.SubscriptionId}' exceeded the limit of '2' for time interval '00:00:03'. Please try again after '{seconds}' seconds.",
            error["message"]!.GetValue<string>());

        // Through the SDK without retries, a second write is refused the same way.
        var client = TestArm.CreateClient(_server.Endpoint, _server.CertificateThumbprint, _server.SubscriptionId, maxRetries: 0);
        var subscription = client.GetSubscriptionResource(SubscriptionResource.CreateResourceIdentifier(_server.SubscriptionId));
        var ex = await Scenario.Fails(() => subscription.GetResourceGroups().CreateOrUpdateAsync(WaitUntil.Completed, "rl", new ResourceGroupData(new AzureLocation("westus"))));
        Assert.Equal(429, ex.Status);
        Assert.Equal("SubscriptionRequestsThrottled", ex.ErrorCode);
        Assert.Contains("Number of write requests for subscription", ex.Message);

        await Task.Delay(TimeSpan.FromSeconds(seconds));
        using var again = await Send(http, HttpMethod.Get, group);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Defaults_are_arms_sizes_reported_only_and_reset_restores_them_and_empties_the_windows()
    {
        var defaults = await _server.Control.GetRateLimitsAsync();
        Assert.Equal(9, defaults.Policies.Count);
        Assert.All(defaults.Policies.Values, p => Assert.False(p.Enforced));
        Assert.Equal((12000, 3600.0), (defaults.Policies["subscriptionReads"].Limit, defaults.Policies["subscriptionReads"].WindowSeconds));
        Assert.Equal((1200, 3600.0), (defaults.Policies["subscriptionWrites"].Limit, defaults.Policies["subscriptionWrites"].WindowSeconds));
        Assert.Equal((240, 180.0), (defaults.Policies["PutVM3Min"].Limit, defaults.Policies["PutVM3Min"].WindowSeconds));
        Assert.Equal((800, 1800.0), (defaults.Policies["HighCostGet30Min"].Limit, defaults.Policies["HighCostGet30Min"].WindowSeconds));

        var set = await _server.Control.SetRateLimitsAsync(Budget((RateLimitNames.Reads, 1, 600)));
        Assert.True(set.Policies["subscriptionReads"].Enforced);
        Assert.False(set.Policies["PutVM3Min"].Enforced);
        using var http = TestArm.RawClient(_server);
        var sub = $"subscriptions/{_server.SubscriptionId}?api-version=2022-12-01";
        Assert.Equal(HttpStatusCode.OK, (await Send(http, HttpMethod.Get, sub)).StatusCode);
        Assert.Equal((HttpStatusCode)429, (await Send(http, HttpMethod.Get, sub)).StatusCode);

        // A new PUT replaces the settings: what it leaves out goes back to the defaults.
        var replaced = await _server.Control.SetRateLimitsAsync(Budget(("HighCostGet3Min", 5, 10)));
        Assert.False(replaced.Policies["subscriptionReads"].Enforced);
        Assert.Equal(12000, replaced.Policies["subscriptionReads"].Limit);
        Assert.Equal(HttpStatusCode.OK, (await Send(http, HttpMethod.Get, sub)).StatusCode);

        await _server.Control.ResetAsync();
        var after = await _server.Control.GetRateLimitsAsync();
        Assert.All(after.Policies.Values, p => Assert.False(p.Enforced));
        Assert.Equal(160, after.Policies["HighCostGet3Min"].Limit);
        using var fresh = await Send(http, HttpMethod.Get, sub);
        Assert.Equal("11999", Header(fresh, "x-ms-ratelimit-remaining-subscription-reads"));
    }

    [Theory]
    [InlineData("""{"policies":{"PutVM1Min":{"limit":3,"windowSeconds":10}}}""", "Unknown rate-limit policy 'PutVM1Min'. Known policies: subscriptionReads, subscriptionWrites, subscriptionDeletes, PutVM3Min,")]
    [InlineData("""{"policies":{"PutVM3Min":{"limit":0,"windowSeconds":10}}}""", "PutVM3Min.limit must be at least 1; got 0.")]
    [InlineData("""{"policies":{"PutVM3Min":{"limit":3,"windowSeconds":0}}}""", "PutVM3Min.windowSeconds must be more than 0 and at most 86400 (24 h); got 0.")]
    [InlineData("""{"policies":{"PutVM3Min":{"limit":3,"windowSeconds":1e308}}}""", "PutVM3Min.windowSeconds must be more than 0 and at most 86400 (24 h); got 1E+308.")]
    public async Task Budgets_out_of_range_are_400_and_change_nothing(string settings, string message)
    {
        await _server.Control.SetRateLimitsAsync(Budget(("LowCostGet3Min", 7, 30)));
        using var http = TestArm.RawClient(_server, authorize: false);
        var (status, body) = await TestArm.SendAsync(http, HttpMethod.Put, "_emulator/ratelimits", settings);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, body!["error"]!["message"]!.GetValue<string>());
        var current = await _server.Control.GetRateLimitsAsync();
        Assert.True(current.Policies["LowCostGet3Min"].Enforced);
        Assert.Equal(7, current.Policies["LowCostGet3Min"].Limit);
        Assert.False(current.Policies["PutVM3Min"].Enforced);
    }
}

internal static class RateLimitNames
{
    public const string Reads = "subscriptionReads";
    public const string Writes = "subscriptionWrites";
}
