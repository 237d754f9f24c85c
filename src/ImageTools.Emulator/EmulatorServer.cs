using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using ImageTools.Emulator.Arm;
using ImageTools.Emulator.Control;
using ImageTools.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ImageTools.Emulator;

/// <summary>
/// The emulator as an object: HTTPS on 127.0.0.1 with a certificate made at start.
/// Program.Main and in-process tests both go through <see cref="StartAsync"/>.
/// </summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    /// <summary>
    /// How long <see cref="DisposeAsync"/> lets requests in flight finish before Kestrel aborts their
    /// connections. Idle keep-alive connections are closed at once.
    /// </summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(2);

    private readonly WebApplication _app;
    private int _disposed;
    private readonly HttpClient _controlHttp;

    private EmulatorServer(WebApplication app, X509Certificate2 certificate, EmulatorState state, Uri endpoint)
    {
        _app = app;
        Certificate = certificate;
        State = state;
        Endpoint = endpoint;
        _controlHttp = new HttpClient(CreateTrustingHandler()) { BaseAddress = endpoint, Timeout = TimeSpan.FromSeconds(30) };
        Control = new EmulatorControlClient(_controlHttp);
    }

    /// <summary>https://127.0.0.1:PORT/</summary>
    public Uri Endpoint { get; }
    /// <summary>SHA-1 thumbprint, upper-case hex.</summary>
    public string CertificateThumbprint => Certificate.Thumbprint.ToUpperInvariant();
    public X509Certificate2 Certificate { get; }
    public string SubscriptionId => State.SubscriptionId;
    public string TenantId => State.TenantId;
    public EmulatorControlClient Control { get; }
    internal EmulatorState State { get; }

    public static async Task<EmulatorServer> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        TimingSettings.RequireSeconds(nameof(EmulatorOptions.OperationSeconds), options.OperationSeconds);
        var certificate = Certificates.CreateSelfSigned();
        var state = new EmulatorState(options.SubscriptionId ?? Guid.NewGuid().ToString(), options.TenantId ?? Guid.NewGuid().ToString(), options.Seed, options.OperationSeconds);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = Array.Empty<string>(), EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // The host must not take over the process's signals (its console lifetime swallows SIGTERM,
        // SIGINT and SIGQUIT and only raises ApplicationStopping): Program handles them and stops
        // the server through DisposeAsync; in-process users dispose it themselves.
        builder.Services.AddSingleton<IHostLifetime, PassiveLifetime>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = 16 * 1024 * 1024;
            k.Listen(IPAddress.Loopback, options.Port, listen => listen.UseHttps(certificate));
        });
        var app = builder.Build();

        Uri? endpoint = null;
        var router = Routes.Build();
        var control = new ControlApi(state, router, () => endpoint!);
        var pipeline = new ArmPipeline(state, router, control, () => endpoint!);
        app.Run(pipeline.HandleAsync);
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)).Port;
        endpoint = new Uri($"https://127.0.0.1:{port}/");
        return new EmulatorServer(app, certificate, state, endpoint);
    }

    /// <summary>The connection file content: endpoint, certificateThumbprint, subscriptionId, tenantId.</summary>
    public string ConnectionFileJson() => new JsonObject
    {
        ["endpoint"] = Endpoint.ToString(),
        ["certificateThumbprint"] = CertificateThumbprint,
        ["subscriptionId"] = SubscriptionId,
        ["tenantId"] = TenantId,
    }.ToJsonString();

    /// <summary>Writes <see cref="ConnectionFileJson"/> atomically (temp file, then rename).</summary>
    public async Task WriteConnectionFileAsync(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllTextAsync(temp, ConnectionFileJson());
        File.Move(temp, full, overwrite: true);
    }

    /// <summary>An HttpClientHandler that trusts exactly this emulator's certificate (thumbprint pinning).</summary>
    public HttpClientHandler CreateTrustingHandler() => CreateTrustingHandler(CertificateThumbprint);

    public static HttpClientHandler CreateTrustingHandler(string thumbprint) => new()
    {
        ServerCertificateCustomValidationCallback = (_, cert, _, _) =>
            cert is not null && string.Equals(cert.GetCertHashString(), thumbprint, StringComparison.OrdinalIgnoreCase),
    };

    /// <summary>
    /// Stops Kestrel: no new connections, idle keep-alive connections closed, requests in flight
    /// given <see cref="ShutdownTimeout"/> to finish before their connections are aborted.
    /// Simulated operations hold no threads: they end with the state. Safe to call twice.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _controlHttp.Dispose();
        using (var timeout = new CancellationTokenSource(ShutdownTimeout))
        {
            try { await _app.StopAsync(timeout.Token); }
            catch (OperationCanceledException) { /* connections still open were aborted */ }
        }
        await _app.DisposeAsync();
        Certificate.Dispose();
    }

    /// <summary>A host lifetime that neither waits for nor reacts to anything (no signal handlers).</summary>
    private sealed class PassiveLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
