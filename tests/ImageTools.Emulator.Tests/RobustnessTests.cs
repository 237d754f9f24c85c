using System.Net;
using System.Text.Json.Nodes;

namespace ImageTools.Emulator.Tests;

/// <summary>Garbage in, clean ARM errors out: never a 500, never a dropped connection.</summary>
public sealed class RobustnessTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;
    public RobustnessTests(EmulatorFixture f) { _f = f; }

    private string Sub => $"subscriptions/{_f.SubscriptionId}";

    [Fact]
    public async Task Missing_api_version_is_400_MissingApiVersionParameter()
    {
        using var http = TestArm.RawClient(_f.Server);
        var (status, body) = await TestArm.SendAsync(http, HttpMethod.Get, $"{Sub}/resourcegroups");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("MissingApiVersionParameter", body!["error"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Malformed_json_is_400_InvalidRequestContent()
    {
        using var http = TestArm.RawClient(_f.Server);
        var (status, body) = await TestArm.SendAsync(http, HttpMethod.Put, $"{Sub}/resourcegroups/rg-bad?api-version=2022-09-01", "{\"location\": ");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("InvalidRequestContent", body!["error"]!["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("GET", "providers/Microsoft.Compute/fancyThings/x?api-version=2023-07-01", 404, "InvalidResourceType")]
    [InlineData("GET", "providers/Microsoft.Nope/things/x?api-version=2023-07-01", 404, "InvalidResourceNamespace")]
    [InlineData("PATCH", "resourcegroups/x/providers/Microsoft.Compute/virtualMachines/vm/generalize?api-version=2023-07-01", 405, "MethodNotAllowed")]
    public async Task Unknown_routes_and_wrong_methods_get_arm_errors(string method, string path, int status, string code)
    {
        using var http = TestArm.RawClient(_f.Server);
        var (actual, body) = await TestArm.SendAsync(http, new HttpMethod(method), $"{Sub}/{path}");
        Assert.Equal(status, (int)actual);
        Assert.Equal(code, body!["error"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_subscription_is_SubscriptionNotFound()
    {
        using var http = TestArm.RawClient(_f.Server);
        var (status, body) = await TestArm.SendAsync(http, HttpMethod.Get, $"subscriptions/{Guid.NewGuid()}/resourcegroups/x?api-version=2022-09-01");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("SubscriptionNotFound", body!["error"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Randomized_malformed_requests_never_produce_a_server_error()
    {
        using var http = TestArm.RawClient(_f.Server);
        var rg = _f.UniqueName("rg-fuzz-");
        await TestArm.SendAsync(http, HttpMethod.Put, $"{Sub}/resourcegroups/{rg}?api-version=2022-09-01", "{\"location\":\"eastus\"}");
        var random = new Random(1234);
        var paths = new[]
        {
            $"{Sub}/resourcegroups/{rg}",
            $"{Sub}/resourceGroups/{rg}/providers/Microsoft.Compute/virtualMachines/v",
            $"{Sub}/resourceGroups/{rg}/providers/Microsoft.Compute/virtualMachines/v/runCommand",
            $"{Sub}/resourceGroups/{rg}/providers/Microsoft.Compute/virtualMachines/v/runCommands/r",
            $"{Sub}/resourceGroups/{rg}/providers/Microsoft.Compute/images/i",
            $"{Sub}/resourceGroups/{rg}/providers/Microsoft.Compute/disks/d",
            $"{Sub}/resourceGroups/{rg}/providers/Microsoft.Compute/snapshots/s",
            $"{Sub}/resourceGroups/{rg}/providers/Microsoft.Compute/galleries/g",
            $"{Sub}/resourceGroups/{rg}/providers/Microsoft.Compute/galleries/g/images/i",
            $"{Sub}/resourceGroups/{rg}/providers/Microsoft.Compute/galleries/g/images/i/versions/1.0.0",
            $"{Sub}/resourceGroups/{rg}/providers/Microsoft.Network/virtualNetworks/n",
            $"{Sub}/resourceGroups/{rg}/providers/Microsoft.Network/virtualNetworks/n/subnets/s",
            $"{Sub}/resourceGroups/{rg}/providers/Microsoft.Network/networkInterfaces/n",
            $"{Sub}/resourceGroups/{rg}/providers/Microsoft.Network/publicIPAddresses/p",
            $"{Sub}/providers/Microsoft.Compute/locations/eastus/usages",
            $"{Sub}/providers/Microsoft.Compute/locations/eastus/operations/{Guid.NewGuid()}",
            $"{Sub}/resourceGroups/{rg}/providers/Microsoft.Compute/virtualMachines/" + new string('x', 3000),
        };
        var bodies = new[]
        {
            "", "null", "[]", "42", "\"text\"", "{", "{}", "{\"location\":5}", "{\"location\":\"mars\"}", "{\"location\":\"eastus\"}",
            "{\"location\":\"eastus\",\"properties\":null}", "{\"location\":\"eastus\",\"properties\":[]}", "{\"location\":\"eastus\",\"properties\":{\"storageProfile\":7}}",
            "{\"location\":\"eastus\",\"properties\":{\"hardwareProfile\":{\"vmSize\":\"Standard_B2s\"},\"storageProfile\":{\"imageReference\":{\"id\":\"/nonsense\"}}}}",
            "{\"location\":\"eastus\",\"properties\":{\"creationData\":{\"createOption\":\"Copy\",\"sourceResourceId\":\"x\"}}}",
            "{\"location\":\"eastus\",\"properties\":{\"publishingProfile\":{\"targetRegions\":[{\"name\":null}]},\"storageProfile\":{\"source\":{\"id\":7}}}}",
            "{\"location\":\"eastus\",\"properties\":{\"ipConfigurations\":[{\"properties\":{\"subnet\":{\"id\":\"\"}}}]}}",
            "{\"commandId\":\"RunPowerShellScript\",\"script\":{\"a\":1}}", "\u0000\u0001garbage", "{\"location\":\"eastus\",\"tags\":\"notanobject\"}",
        };
        var methods = new[] { HttpMethod.Get, HttpMethod.Put, HttpMethod.Post, HttpMethod.Delete, HttpMethod.Patch, HttpMethod.Head, HttpMethod.Options };
        for (var i = 0; i < 400; i++)
        {
            var method = methods[random.Next(methods.Length)];
            var path = paths[random.Next(paths.Length)];
            var query = random.Next(5) switch { 0 => "", 1 => "?api-version=bad", 2 => "?api-version=2023-07-01&$expand=%00", _ => "?api-version=2023-07-01" };
            using var request = new HttpRequestMessage(method, path + query);
            if (method != HttpMethod.Get && method != HttpMethod.Head) request.Content = TestArm.JsonBody(bodies[random.Next(bodies.Length)]);
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode < 500, $"{method} {path}{query} -> {(int)response.StatusCode} {text}");
            if ((int)response.StatusCode >= 400 && method != HttpMethod.Head)
                Assert.NotNull(JsonNode.Parse(text)!["error"]!["code"]);
        }
    }
}
