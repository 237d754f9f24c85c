using Azure;
using ImageTools.Emulator.Control;

namespace ImageTools.Emulator.Tests;

/// <summary>The /_emulator/ control surface through its typed client.</summary>
public sealed class ControlApiTests
{
    [Fact]
    public async Task Reset_empties_state_faults_log_and_restores_start_timing()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { OperationSeconds = 0 });
        var client = TestArm.CreateClient(server.Endpoint, server.CertificateThumbprint, server.SubscriptionId);
        await server.Control.SeedVmAsync(new SeedVmRequest { ResourceGroup = "rg1", Name = "vm1" });
        await server.Control.AddFaultAsync(new FaultRule { Kind = "status", Status = 503, PathPattern = "/never$" });
        await server.Control.SetTimingAsync(new TimingSettings { OperationSeconds = 5, PerKind = { ["sysprep"] = 9 } });
        await (await client.GetDefaultSubscriptionAsync()).GetResourceGroupAsync("rg1");
        Assert.NotEmpty(await server.Control.GetRequestsAsync());
        Assert.Equal(9, (await server.Control.GetTimingAsync()).PerKind["sysprep"]);

        await server.Control.ResetAsync();
        Assert.Empty(await server.Control.GetRequestsAsync());
        Assert.Empty(await server.Control.GetFaultsAsync());
        var timing = await server.Control.GetTimingAsync();
        Assert.Equal(0, timing.OperationSeconds);
        Assert.Empty(timing.PerKind);
        var ex = await Assert.ThrowsAsync<RequestFailedException>(async () => await (await client.GetDefaultSubscriptionAsync()).GetResourceGroupAsync("rg1"));
        Assert.Equal("ResourceGroupNotFound", ex.ErrorCode);
    }

    [Fact]
    public async Task Request_log_records_arm_calls_only_and_clear_reads_atomically()
    {
        await using var server = await EmulatorServer.StartAsync();
        var client = TestArm.CreateClient(server.Endpoint, server.CertificateThumbprint, server.SubscriptionId);
        await client.GetDefaultSubscriptionAsync();
        await server.Control.GetFaultsAsync();
        var log = await server.Control.GetRequestsAsync(clear: true);
        Assert.All(log, e => Assert.DoesNotContain("_emulator", e.Path));
        Assert.Contains(log, e => e.Method == "GET" && e.Path.StartsWith("/subscriptions/" + server.SubscriptionId) && e.Status == 200 && e.Query.Contains("api-version"));
        Assert.Empty(await server.Control.GetRequestsAsync());
    }

    [Fact]
    public async Task Bad_control_requests_are_400_or_404()
    {
        await using var server = await EmulatorServer.StartAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => server.Control.AddFaultAsync(new FaultRule { Kind = "explode" }));
        await Assert.ThrowsAsync<InvalidOperationException>(() => server.Control.SeedVmAsync(new SeedVmRequest { ResourceGroup = "rg", Name = "v", State = "flying" }));
        await Assert.ThrowsAsync<InvalidOperationException>(() => server.Control.GetGuestAsync("rg", "nobody"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => server.Control.SetQuotaAsync("mars", new Dictionary<string, long> { ["cores"] = 1 }));
    }
}
