using System.Net;
using System.Text.Json.Nodes;
using Azure;
using Azure.ResourceManager.Compute;
using ImageTools.Emulator.Control;

namespace ImageTools.Emulator.Tests;

/// <summary>
/// The control API and the command line refuse settings outside sane bounds with a clean 400 (exit
/// code 2 on the command line) that says what is allowed, and change nothing.
/// </summary>
public sealed class ControlRefusalTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;
    public ControlRefusalTests(EmulatorFixture f) { _f = f; }

    private async Task<(HttpStatusCode Status, JsonNode? Body)> Control(HttpMethod method, string path, string body)
    {
        using var http = TestArm.RawClient(_f.Server, authorize: false);
        return await TestArm.SendAsync(http, method, "_emulator/" + path, body);
    }

    private static string Message(JsonNode? body) => body!["error"]!["message"]!.GetValue<string>();

    [Theory]
    [InlineData("""{"dataDisks":65}""", "dataDisks must be from 0 to 64; got 65.")]
    [InlineData("""{"dataDisks":-1}""", "dataDisks must be from 0 to 64; got -1.")]
    [InlineData("""{"osType":"Plan9"}""", "osType 'Plan9' is unknown: Windows or Linux.")]
    [InlineData("""{"state":"flying"}""", "state 'flying' is unknown: running, stopped, deallocated or generalized.")]
    [InlineData("""{"hyperVGeneration":"V3"}""", "hyperVGeneration 'V3' is unknown: V1 or V2.")]
    [InlineData("""{"securityType":"Quantum"}""", "securityType 'Quantum' is unknown: Standard, TrustedLaunch or ConfidentialVM.")]
    [InlineData("""{"vmSize":"Standard_Huge"}""", "vmSize 'Standard_Huge' is not in the emulator's catalogue: Standard_")]
    [InlineData("""{"name":"bad name!"}""", "name 'bad name!' is invalid: 1 to 64 letters, digits, '-', '_' or '.', not starting with '_' and not ending with '.' or '-'.")]
    [InlineData("""{"name":""}""", "resourceGroup and name are required.")]
    [InlineData("""{"resourceGroup":"rg/evil"}""", "resourceGroup 'rg/evil' is invalid: 1 to 90 letters, digits, '_', '-', '.', '(' or ')', not ending with '.'.")]
    [InlineData("""{"guest":{"sysprepOutcome":"maybe"}}""", "sysprepOutcome must be")]
    public async Task Seeds_outside_sane_bounds_are_400_saying_what_is_allowed_and_create_nothing(string change, string message)
    {
        var group = _f.UniqueName("rg-seedbad-");
        var request = JsonNode.Parse($$"""{"resourceGroup":"{{group}}","name":"vm1"}""")!.AsObject();
        foreach (var (k, v) in JsonNode.Parse(change)!.AsObject()) request[k] = v?.DeepClone();
        var (status, body) = await Control(HttpMethod.Post, "vms", request.ToJsonString());
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, Message(body));
        Assert.False((await _f.Subscription.GetResourceGroups().ExistsAsync(group)).Value);
    }

    [Fact]
    public async Task Seed_bounds_are_inclusive()
    {
        var group = _f.UniqueName("rg-seedok-");
        var seeded = await _f.Server.Control.SeedVmAsync(new SeedVmRequest { ResourceGroup = group, Name = "vm1", DataDisks = 64, OsType = "linux", HyperVGeneration = "v1", SecurityType = "standard", VmSize = "Standard_D2s_v5" });
        Assert.Equal(64, seeded.DataDiskIds.Count);
    }

    [Theory]
    [InlineData("""{"operationSeconds":1e308}""", "operationSeconds must be a number of seconds from 0 to 86400 (24 h); got 1E+308.")]
    [InlineData("""{"operationSeconds":-1}""", "operationSeconds must be a number of seconds from 0 to 86400 (24 h); got -1.")]
    [InlineData("""{"operationSeconds":"NaN"}""", "")]
    [InlineData("""{"perKind":{"vmCreate":86401}}""", "perKind.vmCreate must be a number of seconds from 0 to 86400 (24 h); got 86401.")]
    [InlineData("""{"perKind":{"vmCreate":"Infinity"}}""", "")]
    [InlineData("""{"perKind":{"syprep":1}}""", "Unknown timing kind 'syprep'. Known kinds: vmCreate, vmUpdate,")]
    [InlineData("""{"retryAfterSeconds":-0.5}""", "retryAfterSeconds must be a number of seconds from 0 to 86400 (24 h); got -0.5.")]
    public async Task Timing_out_of_range_is_400_and_leaves_the_timing_as_it_was(string timing, string message)
    {
        var before = await _f.Server.Control.GetTimingAsync();
        var (status, body) = await Control(HttpMethod.Put, "timing", timing);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, Message(body));
        var after = await _f.Server.Control.GetTimingAsync();
        Assert.Equal(before.OperationSeconds, after.OperationSeconds);
        Assert.Equal(before.PerKind, after.PerKind);
        // The emulator still answers ARM requests normally (1e308 used to end in a 500 on the next operation).
        var rg = await _f.CreateResourceGroupAsync(_f.UniqueName("rg-timing-"));
        await rg.DeleteAsync(WaitUntil.Completed);
    }

    [Fact]
    public async Task Timing_at_the_24_hour_bound_is_accepted()
    {
        try
        {
            var set = await _f.Server.Control.SetTimingAsync(new TimingSettings { PerKind = { ["vmCreate"] = TimingSettings.MaxSeconds } });
            Assert.Equal(86_400, set.PerKind["vmCreate"]);
        }
        finally { await _f.Server.Control.SetTimingAsync(new TimingSettings()); }
    }

    [Theory]
    [InlineData("faults", """{"kind":"status","status":429,"retryAfterSeconds":1e308}""", "retryAfterSeconds must be a number of seconds from 0 to 86400 (24 h)")]
    [InlineData("faults", """{"kind":"status","status":1000}""", "status must be an HTTP status code from 100 to 599; got 1000.")]
    [InlineData("faults", """{"kind":"status","count":-3}""", "count must not be negative; got -3.")]
    [InlineData("replication", """{"secondsPerRegion":-5}""", "secondsPerRegion must be a number of seconds from 0 to 86400 (24 h); got -5.")]
    [InlineData("replication", """{"failRegions":{"atlantis":"gone"}}""", "Unknown location 'atlantis'.")]
    [InlineData("quota/eastus", """{"cores":-1}""", "Quota 'cores' must not be negative; got -1.")]
    public async Task Other_settings_out_of_range_are_400(string path, string body, string message)
    {
        var method = path == "faults" ? HttpMethod.Post : HttpMethod.Put;
        // What the setting reads before (faults are checked below): a refused setting changes nothing.
        var before = path == "faults" ? null : (await Control(HttpMethod.Get, path, "")).Body?.ToJsonString();
        var (status, reply) = await Control(method, path, body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, Message(reply));
        Assert.Empty(await _f.Server.Control.GetFaultsAsync());
        if (before != null)
            Assert.Equal(before, (await Control(HttpMethod.Get, path, "")).Body?.ToJsonString());
    }

    [Fact]
    public async Task In_process_start_refuses_operation_seconds_out_of_range()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => EmulatorServer.StartAsync(new EmulatorOptions { OperationSeconds = double.PositiveInfinity }));
        Assert.Contains("from 0 to 86400", ex.Message);
    }

    [Theory]
    [InlineData("1e308")]
    [InlineData("-1")]
    [InlineData("NaN")]
    [InlineData("soon")]
    public async Task Command_line_operation_seconds_out_of_range_exits_2_with_a_message(string value)
    {
        await using var emulator = EmulatorProcess.Start(new[] { "--operation-seconds", value });
        Assert.True(await emulator.WaitForExitAsync(TimeSpan.FromSeconds(30)), "the emulator should refuse to start");
        Assert.Equal(2, emulator.Process.ExitCode);
        Assert.Contains($"--operation-seconds must be a number of seconds from 0 to 86400 (24 h); got '{value}'.", emulator.Output);
        Assert.False(File.Exists(emulator.ConnectionFile));
    }
}

/// <summary>
/// HEAD: ARM answers it for resource groups (204 / 404); Compute does not implement it for its
/// resources (405, no body), which the emulator keeps (sources in the README).
/// </summary>
public sealed class HeadTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;
    public HeadTests(EmulatorFixture f) { _f = f; }

    private async Task<HttpResponseMessage> Head(string path)
    {
        using var http = TestArm.RawClient(_f.Server);
        return await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
    }

    [Fact]
    public async Task Head_on_a_resource_group_is_204_when_it_exists_and_404_when_not()
    {
        var rg = await _f.CreateResourceGroupAsync(_f.UniqueName("rg-head-"));
        using var found = await Head($"subscriptions/{_f.SubscriptionId}/resourcegroups/{rg.Data.Name}?api-version=2022-09-01");
        Assert.Equal(HttpStatusCode.NoContent, found.StatusCode);
        using var missing = await Head($"subscriptions/{_f.SubscriptionId}/resourcegroups/nothing-here?api-version=2022-09-01");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Empty(await missing.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Head_on_compute_resources_is_405_without_a_body_as_compute_answers_it()
    {
        var rg = await _f.CreateResourceGroupAsync(_f.UniqueName("rg-head-"));
        var seeded = await _f.Server.Control.SeedVmAsync(new SeedVmRequest { ResourceGroup = rg.Data.Name, Name = "vm1" });
        foreach (var path in new[] { seeded.Id + "?api-version=2023-07-01", seeded.OsDiskId + "?api-version=2023-04-02" })
        {
            using var response = await Head(path.TrimStart('/'));
            Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        }
        // The SDK's existence checks use GET, so they work.
        Assert.True((await rg.GetVirtualMachines().ExistsAsync("vm1")).Value);
    }
}

/// <summary>POST /_emulator/reset gives back everything a large run accumulated.</summary>
public sealed class ResetReleasesStateTests
{
    [Fact]
    public async Task After_many_seeded_resources_reset_leaves_no_state_operations_or_log()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { Port = 0 });
        var client = TestArm.CreateClient(server.Endpoint, server.CertificateThumbprint, server.SubscriptionId);
        for (var i = 0; i < 200; i++)
            await server.Control.SeedVmAsync(new SeedVmRequest { ResourceGroup = "rg-many-" + (i % 4), Name = "vm" + i, State = "running", DataDisks = 1 });
        await server.Control.SetGuestAsync("rg-many-0", "not-yet", new GuestTraits { DomainJoined = true });
        await server.Control.AddFaultAsync(new FaultRule { Kind = "status", Status = 503, PathPattern = "/never$" });
        // Operations left running, and ARM requests in the log.
        await server.Control.SetTimingAsync(new TimingSettings { PerKind = { ["deallocate"] = 600 } });
        var sub = await client.GetDefaultSubscriptionAsync();
        var group = (await sub.GetResourceGroupAsync("rg-many-0")).Value;
        for (var i = 0; i < 8; i += 4)
            await group.GetVirtualMachine("vm" + i).Value.DeallocateAsync(WaitUntil.Started);

        var full = await server.Control.GetHealthAsync();
        Assert.Equal(4, full.ResourceGroups);
        Assert.True(full.Resources >= 200 * 4, $"{full.Resources} resources");
        Assert.True(full.Operations >= 2, $"{full.Operations} operations");
        Assert.True(full.ScheduledEffects >= 2, $"{full.ScheduledEffects} scheduled effects");
        Assert.Equal(1, full.PendingGuests);
        Assert.Equal(1, full.Faults);
        Assert.NotEqual(0, full.LoggedRequests);

        await server.Control.ResetAsync();

        var empty = await server.Control.GetHealthAsync();
        Assert.Equal((0, 0, 0, 0, 0, 0, 0), (empty.ResourceGroups, empty.Resources, empty.Operations, empty.ScheduledEffects, empty.PendingGuests, empty.Faults, empty.LoggedRequests));
        Assert.Empty(await server.Control.GetRequestsAsync());
        var groups = new List<string>();
        await foreach (var g in sub.GetResourceGroups().GetAllAsync()) groups.Add(g.Data.Name);
        Assert.Empty(groups);
    }
}
