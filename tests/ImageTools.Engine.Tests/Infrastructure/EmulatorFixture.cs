using Azure.ResourceManager;
using ImageTools.Emulator;
using ImageTools.Emulator.Control;
using ImageTools.Engine.Connection;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Requests;

namespace ImageTools.Engine.Tests.Infrastructure;

/// <summary>
/// One in-process emulator for the whole test run, and one engine connected to it through the
/// real SDK over HTTPS (certificate pinned), polling with zero delay and retrying quickly.
/// Each test works in its own resource group, so request listings can filter by group; the
/// "no writes" assertion looks at every write after its mark (the collection's tests run one at a time).
/// </summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public EmulatorServer Server { get; private set; } = null!;
    public ImageToolsEngine Engine { get; private set; } = null!;
    public string ConnectionFile { get; } = Path.Combine(Path.GetTempPath(), "imagetools-engine-tests-" + Guid.NewGuid().ToString("N") + ".json");

    public EmulatorControlClient Control => Server.Control;
    public string SubscriptionId => Server.SubscriptionId;

    public static EngineOptions Options() => EngineOptions.Fast();

    public async Task InitializeAsync()
    {
        Server = await EmulatorServer.StartAsync(new EmulatorOptions { Port = 0, Seed = 7 });
        await Server.WriteConnectionFileAsync(ConnectionFile);
        var session = await Connector.OpenAsync(ConnectRequest(), null, Options(), default);
        Engine = new ImageToolsEngine(session);
        Client = session.Client;
        Gateway = new AzureGateway(session.Client, session.Options.PollingDelay);
    }

    /// <summary>The SDK client behind the engine, for arranging state the control API does not seed.</summary>
    public ArmClient Client { get; private set; } = null!;

    /// <summary>The engine's gateway, for arranging state with the same calls the engine makes.</summary>
    internal IAzureGateway Gateway { get; private set; } = null!;

    public ConnectRequest ConnectRequest() =>
        new() { CredentialKind = CredentialKind.Emulator, EmulatorConnectionFile = ConnectionFile };

    /// <summary>An engine over its own connection with other timings (e.g. a short operation timeout).</summary>
    public Task<ImageToolsEngine> EngineWithAsync(Action<EngineOptions> configure)
    {
        var options = Options();
        configure(options);
        return ImageToolsEngine.OpenAsync(ConnectRequest(), null, options, default);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        File.Delete(ConnectionFile);
    }

    /// <summary>A resource group name no other test uses.</summary>
    public static string NewGroup(string purpose) => $"rg-{purpose}-{Guid.NewGuid().ToString("N")[..8]}".ToLowerInvariant();

    public async Task<SeedVmResult> SeedVmAsync(string group, string name, string state = "running", string os = "Windows",
        string generation = "V2", GuestTraits? guest = null, Action<SeedVmRequest>? configure = null)
    {
        var request = new SeedVmRequest { ResourceGroup = group, Name = name, State = state, OsType = os, HyperVGeneration = generation, Guest = guest };
        configure?.Invoke(request);
        var result = await Control.SeedVmAsync(request);
        return result;
    }

    /// <summary>The sequence number of the last request logged so far (requests after it are the test's).</summary>
    public async Task<long> MarkAsync() => (await Control.GetRequestsAsync()).Select(r => r.Sequence).DefaultIfEmpty(0).Max();

    /// <summary>The ARM requests the emulator saw for one resource group (control calls excluded), after a mark.</summary>
    public async Task<List<RequestLogEntry>> RequestsAsync(string group, long after = 0) =>
        (await Control.GetRequestsAsync())
            .Where(r => r.Sequence > after && r.Path.Contains("/resourceGroups/" + group + "/", StringComparison.OrdinalIgnoreCase))
            .OrderBy(r => r.Sequence).ToList();

    /// <summary>PUT, PATCH, POST and DELETE requests for one resource group, after a mark.</summary>
    public async Task<List<RequestLogEntry>> WritesAsync(string group, long after = 0) =>
        (await RequestsAsync(group, after)).Where(r => r.Method is "PUT" or "PATCH" or "POST" or "DELETE").ToList();

    /// <summary>
    /// Every PUT, PATCH, POST and DELETE the emulator saw after a mark, whatever its path: writes
    /// to the resource group itself, to other groups (an image's or a gallery's) and to
    /// subscription-level paths included. Safe as a whole-emulator view because the fixture is
    /// shared only by the classes of one xunit collection, whose tests run one at a time.
    /// </summary>
    public async Task<List<RequestLogEntry>> AllWritesAsync(long after) =>
        (await Control.GetRequestsAsync())
            .Where(r => r.Sequence > after && r.Method is "PUT" or "PATCH" or "POST" or "DELETE")
            .OrderBy(r => r.Sequence).ToList();

    /// <summary>
    /// Asserts that nothing at all was written after the mark (see <see cref="AllWritesAsync"/>),
    /// not only under the test's resource group; <paramref name="group"/> names the test's group in the message.
    /// </summary>
    public async Task AssertNoWritesAsync(string group, long after)
    {
        var writes = await AllWritesAsync(after);
        Assert.True(writes.Count == 0, $"Expected no writes (test group {group}), saw: " + string.Join(", ", writes.Select(w => $"{w.Method} {w.Path}")));
    }
}

[CollectionDefinition(Name)]
public sealed class EmulatorCollection : ICollectionFixture<EmulatorFixture>
{
    public const string Name = "Emulator";
}
