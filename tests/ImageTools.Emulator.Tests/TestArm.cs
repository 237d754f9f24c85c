using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.ResourceManager;
using Azure.ResourceManager.Resources;
using ImageTools.Emulator;

namespace ImageTools.Emulator.Tests;

/// <summary>A token credential that hands out a fixed bearer token (the emulator accepts any).</summary>
internal sealed class StaticTokenCredential : TokenCredential
{
    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => new("emulator-token", DateTimeOffset.UtcNow.AddHours(1));
    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => new(GetToken(requestContext, cancellationToken));
}

/// <summary>The one place that builds SDK clients for the emulator: HTTPS trusting exactly its certificate.</summary>
internal static class TestArm
{
    public static readonly string[] NetworkTypes = { "virtualNetworks", "virtualNetworks/subnets", "networkInterfaces", "publicIPAddresses", "networkSecurityGroups" };
    public const string NetworkApiVersion = "2023-09-01";

    public static HttpClientHandler PinnedHandler(string thumbprint) => new()
    {
        ServerCertificateCustomValidationCallback = (_, cert, _, _) =>
            cert is not null && string.Equals(cert.GetCertHashString(), thumbprint, StringComparison.OrdinalIgnoreCase),
    };

    /// <param name="maxDelay">The retry policy's longest own delay (2 s here to keep tests short; Azure.Core's default is 60 s).</param>
    public static ArmClient CreateClient(Uri endpoint, string thumbprint, string subscriptionId, int maxRetries = 3, TimeSpan? maxDelay = null)
    {
        var options = new ArmClientOptions
        {
            Environment = new ArmEnvironment(endpoint, "https://management.azure.com/"),
            Transport = new HttpClientTransport(new HttpClient(PinnedHandler(thumbprint))),
        };
        options.Retry.MaxRetries = maxRetries;
        options.Retry.Delay = TimeSpan.FromMilliseconds(20);
        options.Retry.MaxDelay = maxDelay ?? TimeSpan.FromSeconds(2);
        foreach (var type in NetworkTypes) options.SetApiVersion(new ResourceType("Microsoft.Network/" + type), NetworkApiVersion);
        return new ArmClient(new StaticTokenCredential(), subscriptionId, options);
    }

    /// <summary>Raw HTTPS client for requests the SDK would never send (malformed bodies, missing headers).</summary>
    public static HttpClient RawClient(EmulatorServer server, bool authorize = true)
    {
        var http = new HttpClient(PinnedHandler(server.CertificateThumbprint)) { BaseAddress = server.Endpoint };
        if (authorize) http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "raw-token");
        return http;
    }

    public static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpClient http, HttpMethod method, string path, string? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonBody(body);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text));
    }
}

/// <summary>One in-process emulator (zero delays) per test class, with an SDK client.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public EmulatorServer Server { get; private set; } = null!;
    public ArmClient Client { get; private set; } = null!;
    public string SubscriptionId => Server.SubscriptionId;
    private int _counter;

    public async Task InitializeAsync()
    {
        Server = await EmulatorServer.StartAsync(new EmulatorOptions { Port = 0, Seed = 42 });
        Client = TestArm.CreateClient(Server.Endpoint, Server.CertificateThumbprint, Server.SubscriptionId);
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public string UniqueName(string prefix) => $"{prefix}{Interlocked.Increment(ref _counter)}";

    public SubscriptionResource Subscription => Client.GetSubscriptionResource(SubscriptionResource.CreateResourceIdentifier(SubscriptionId));

    public async Task<ResourceGroupResource> CreateResourceGroupAsync(string name, string location = "eastus") =>
        (await Subscription.GetResourceGroups().CreateOrUpdateAsync(WaitUntil.Completed, name, new ResourceGroupData(new AzureLocation(location)))).Value;
}
