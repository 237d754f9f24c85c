using Azure;
using Azure.Core;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Resources;
using ImageTools.Emulator.Control;

namespace ImageTools.Emulator.Tests;

public sealed class FaultTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;
    public FaultTests(EmulatorFixture f) { _f = f; }

    private async Task<(ResourceGroupResource Rg, string Name)> Group()
    {
        var name = _f.UniqueName("rg-fault-");
        return (await _f.CreateResourceGroupAsync(name), name);
    }

    [Fact]
    public async Task Throttled_429_with_retry_after_is_survived_by_the_sdk_retry_policy()
    {
        var (_, name) = await Group();
        var id = await _f.Server.Control.AddFaultAsync(new FaultRule { Kind = "status", Status = 429, RetryAfterSeconds = 1, Method = "GET", PathPattern = $"/resourcegroups/{name}$", Count = 1 });
        var started = DateTime.UtcNow;
        var rg = await _f.Subscription.GetResourceGroupAsync(name);
        Assert.Equal(name, rg.Value.Data.Name);
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(0.9), "the SDK must wait for Retry-After");
        var log = (await _f.Server.Control.GetRequestsAsync()).Where(r => r.Path.EndsWith("/resourcegroups/" + name, StringComparison.OrdinalIgnoreCase) && r.Method == "GET").ToList();
        Assert.Equal(429, log[^2].Status);
        Assert.Equal(id, log[^2].FaultId);
        Assert.Equal(200, log[^1].Status);
    }

    [Fact]
    public async Task Throttled_response_carries_the_compute_throttling_body()
    {
        var (_, name) = await Group();
        await _f.Server.Control.AddFaultAsync(new FaultRule { Kind = "status", Status = 429, Method = "GET", PathPattern = $"/resourcegroups/{name}$" , Count = 1});
        using var http = TestArm.RawClient(_f.Server);
        using var response = await http.GetAsync($"subscriptions/{_f.SubscriptionId}/resourcegroups/{name}?api-version=2022-09-01");
        Assert.Equal(429, (int)response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("OperationNotAllowed", body["error"]!["code"]!.GetValue<string>());
        Assert.Equal("TooManyRequests", body["error"]!["details"]![0]!["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(500, "InternalServerError")]
    [InlineData(503, "ServiceUnavailable")]
    public async Task Transient_5xx_is_retried_and_persistent_5xx_surfaces_with_its_code(int status, string code)
    {
        var (_, name) = await Group();
        await _f.Server.Control.AddFaultAsync(new FaultRule { Kind = "status", Status = status, Method = "GET", PathPattern = $"/resourcegroups/{name}$", Count = 2 });
        Assert.Equal(name, (await _f.Subscription.GetResourceGroupAsync(name)).Value.Data.Name);

        await _f.Server.Control.AddFaultAsync(new FaultRule { Kind = "status", Status = status, Method = "GET", PathPattern = $"/resourcegroups/{name}$" });
        var ex = await Scenario.Fails(() => _f.Subscription.GetResourceGroupAsync(name));
        Assert.Equal(status, ex.Status);
        Assert.Equal(code, ex.ErrorCode);
        await _f.Server.Control.ClearFaultsAsync();
    }

    [Fact]
    public async Task Dropped_connection_is_retried_once_and_fails_when_it_persists()
    {
        var (_, name) = await Group();
        await _f.Server.Control.AddFaultAsync(new FaultRule { Kind = "drop", Method = "GET", PathPattern = $"/resourcegroups/{name}$", Count = 1 });
        Assert.Equal(name, (await _f.Subscription.GetResourceGroupAsync(name)).Value.Data.Name);

        var noRetry = TestArm.CreateClient(_f.Server.Endpoint, _f.Server.CertificateThumbprint, _f.SubscriptionId, maxRetries: 0);
        await _f.Server.Control.AddFaultAsync(new FaultRule { Kind = "drop", Method = "GET", PathPattern = $"/resourcegroups/{name}$", Count = 1 });
        var ex = await Assert.ThrowsAnyAsync<Exception>(async () => await (await noRetry.GetDefaultSubscriptionAsync()).GetResourceGroupAsync(name));
        Assert.True(ex is RequestFailedException { Status: 0 } or AggregateException or HttpRequestException, ex.GetType().FullName);
    }

    [Fact]
    public async Task Lro_failed_fault_ends_the_operation_failed_with_the_given_code()
    {
        var (rg, name) = await Group();
        await _f.Server.Control.AddFaultAsync(new FaultRule
        {
            Kind = "lroFailed", Method = "PUT", PathPattern = "/virtualMachines/lrofail$", Count = 1,
            ErrorCode = "AllocationFailed", ErrorMessage = "Allocation failed. We do not have sufficient capacity for the requested VM size in this region.",
        });
        var ex = await Scenario.Fails(() => Scenario.CreateMarketplaceVmAsync(_f, rg, "lrofail"));
        Assert.Equal("AllocationFailed", ex.ErrorCode);
        Assert.Contains("sufficient capacity", ex.Message);
        var vm = (await rg.GetVirtualMachineAsync("lrofail")).Value;
        Assert.Equal("Failed", vm.Data.ProvisioningState);
    }

    [Fact]
    public async Task Lro_never_ends_fault_keeps_polling_until_cancelled()
    {
        var (rg, _) = await Group();
        var vm = await Scenario.CreateMarketplaceVmAsync(_f, rg, "stuck");
        await _f.Server.Control.AddFaultAsync(new FaultRule { Kind = "lroNeverEnds", Method = "POST", PathPattern = "/virtualMachines/stuck/deallocate$", Count = 1 });
        var operation = await vm.DeallocateAsync(WaitUntil.Started);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2.5));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => operation.WaitForCompletionResponseAsync(DelayStrategy.CreateFixedDelayStrategy(TimeSpan.Zero), cts.Token).AsTask());
        Assert.False(operation.HasCompleted);
        var view = (await vm.InstanceViewAsync()).Value;
        Assert.Contains(view.Statuses, s => s.Code == "PowerState/deallocating");
    }

    [Fact]
    public async Task Polls_are_logged_with_the_retry_after_they_followed()
    {
        var (rg, _) = await Group();
        var vm = await Scenario.CreateMarketplaceVmAsync(_f, rg, "slowdealloc");
        await _f.Server.Control.SetTimingAsync(new TimingSettings { PerKind = { ["deallocate"] = 1.2 } });
        try
        {
            await _f.Server.Control.ClearRequestsAsync();
            await vm.DeallocateAsync(WaitUntil.Completed);
            var polls = (await _f.Server.Control.GetRequestsAsync(clear: true)).Where(r => r.Poll).ToList();
            Assert.True(polls.Count >= 2, $"expected at least two polls, saw {polls.Count}");
            Assert.All(polls, p => Assert.NotNull(p.OperationId));
            Assert.Equal(2, polls[0].PreviousRetryAfterSeconds);
            Assert.All(polls.Skip(1), p => Assert.NotEqual(true, p.EarlyPoll));
            Assert.Contains((await vm.InstanceViewAsync()).Value.Statuses, s => s.Code == "PowerState/deallocated");
        }
        finally { await _f.Server.Control.SetTimingAsync(new TimingSettings()); }
    }

    [Fact]
    public async Task Probabilistic_fault_with_seed_fires_on_a_subset()
    {
        var (_, name) = await Group();
        var id = await _f.Server.Control.AddFaultAsync(new FaultRule { Kind = "status", Status = 503, Probability = 0.5, Method = "HEAD", PathPattern = $"/resourcegroups/{name}$" });
        using var http = TestArm.RawClient(_f.Server);
        var statuses = new List<int>();
        for (var i = 0; i < 40; i++)
        {
            using var r = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"subscriptions/{_f.SubscriptionId}/resourcegroups/{name}?api-version=2022-09-01"));
            statuses.Add((int)r.StatusCode);
        }
        Assert.Contains(503, statuses);
        Assert.Contains(204, statuses);
        var fault = (await _f.Server.Control.GetFaultsAsync()).Single(x => x.Id == id);
        Assert.Equal(statuses.Count(s => s == 503), fault.Hits);
        await _f.Server.Control.ClearFaultsAsync();
    }
}
