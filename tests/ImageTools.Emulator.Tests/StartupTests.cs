using System.Net;
using Azure;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Resources;

namespace ImageTools.Emulator.Tests;

public sealed class StartupTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;
    public StartupTests(EmulatorFixture f) { _f = f; }

    [Fact]
    public async Task Sdk_reads_default_subscription_and_locations_over_pinned_https()
    {
        var sub = await _f.Client.GetDefaultSubscriptionAsync();
        Assert.Equal(_f.SubscriptionId, sub.Data.SubscriptionId);
        Assert.Equal(_f.Server.TenantId, sub.Data.TenantId?.ToString());
        var locations = new List<string>();
        await foreach (var l in sub.GetLocationsAsync()) locations.Add(l.Name);
        Assert.Contains("westeurope", locations);
        Assert.Contains("eastus", locations);
    }

    [Fact]
    public void Connection_file_has_the_contract_fields()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(_f.Server.ConnectionFileJson())!;
        Assert.Equal(_f.Server.Endpoint.ToString(), json["endpoint"]!.GetValue<string>());
        Assert.StartsWith("https://127.0.0.1:", json["endpoint"]!.GetValue<string>());
        var thumbprint = json["certificateThumbprint"]!.GetValue<string>();
        Assert.Matches("^[0-9A-F]{40}$", thumbprint);
        Assert.Equal(_f.Server.Certificate.GetCertHashString(), thumbprint);
        Assert.True(Guid.TryParse(json["subscriptionId"]!.GetValue<string>(), out _));
        Assert.True(Guid.TryParse(json["tenantId"]!.GetValue<string>(), out _));
    }

    [Fact]
    public async Task Client_pinned_to_another_thumbprint_refuses_the_connection()
    {
        var client = TestArm.CreateClient(_f.Server.Endpoint, new string('A', 40), _f.SubscriptionId, maxRetries: 0);
        var ex = await Assert.ThrowsAnyAsync<Exception>(async () => await client.GetDefaultSubscriptionAsync());
        // The TLS handshake fails: no HTTP status ever reaches the client.
        Assert.True(ex is RequestFailedException { Status: 0 } or AggregateException or HttpRequestException, ex.GetType().FullName);
    }

    [Fact]
    public async Task Request_without_authorization_gets_401_AuthenticationFailed()
    {
        using var http = TestArm.RawClient(_f.Server, authorize: false);
        var (status, body) = await TestArm.SendAsync(http, HttpMethod.Get, $"subscriptions/{_f.SubscriptionId}/resourcegroups?api-version=2022-09-01");
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("AuthenticationFailed", body!["error"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Resource_group_lifecycle_through_sdk()
    {
        var name = _f.UniqueName("rg-life-");
        var rg = await _f.CreateResourceGroupAsync(name, "westeurope");
        Assert.Equal("westeurope", rg.Data.Location.Name);
        Assert.True((await _f.Subscription.GetResourceGroups().ExistsAsync(name)).Value);
        Assert.True((await _f.Subscription.GetResourceGroups().ExistsAsync(name.ToUpperInvariant())).Value);
        await rg.DeleteAsync(WaitUntil.Completed);
        Assert.False((await _f.Subscription.GetResourceGroups().ExistsAsync(name)).Value);
        var ex = await Scenario.Fails(() => _f.Subscription.GetResourceGroupAsync(name));
        Assert.Equal(404, ex.Status);
        Assert.Equal("ResourceGroupNotFound", ex.ErrorCode);
    }
}
