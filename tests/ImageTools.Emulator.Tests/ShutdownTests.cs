using System.Diagnostics;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using Azure;
using Azure.Core;
using Azure.ResourceManager.Compute;
using ImageTools.Emulator.Control;

namespace ImageTools.Emulator.Tests;

/// <summary>
/// The emulator process stops cleanly on SIGTERM, SIGINT and SIGQUIT (exit 0, within seconds) while
/// work is in flight: idle keep-alive connections, a request whose body never finishes arriving,
/// and a long-running operation in progress.
/// </summary>
public sealed class ShutdownTests
{
    private static readonly TimeSpan ExitBound = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(EmulatorProcess.SIGTERM, false)]
    [InlineData(EmulatorProcess.SIGINT, false)]
    [InlineData(EmulatorProcess.SIGQUIT, false)]
    // Started like a background job of a non-interactive shell: SIGINT and SIGQUIT inherited as ignored.
    [InlineData(EmulatorProcess.SIGTERM, true)]
    [InlineData(EmulatorProcess.SIGINT, true)]
    [InlineData(EmulatorProcess.SIGQUIT, true)]
    public async Task Signal_stops_the_process_with_exit_code_0_while_work_is_in_flight(int signal, bool startedInBackground)
    {
        if (OperatingSystem.IsWindows()) return; // POSIX signals
        await using var emulator = EmulatorProcess.Start(new[] { "--operation-seconds", "600" }, ignoreInterrupts: startedInBackground);
        var json = await emulator.WaitForConnectionFileAsync();
        var endpoint = new Uri(json["endpoint"]!.GetValue<string>());
        var thumbprint = json["certificateThumbprint"]!.GetValue<string>();
        var subscription = json["subscriptionId"]!.GetValue<string>();

        // A long-running operation in progress (600 s), over pooled keep-alive connections.
        using var controlHttp = new HttpClient(TestArm.PinnedHandler(thumbprint)) { BaseAddress = endpoint };
        var seeded = await new EmulatorControlClient(controlHttp).SeedVmAsync(new SeedVmRequest { ResourceGroup = "rg-stop", Name = "vm-stop", State = "running" });
        var client = TestArm.CreateClient(endpoint, thumbprint, subscription);
        var deallocate = await client.GetVirtualMachineResource(new ResourceIdentifier(seeded.Id)).DeallocateAsync(WaitUntil.Started);
        Assert.False(deallocate.HasCompleted);
        await deallocate.UpdateStatusAsync();
        Assert.False(deallocate.HasCompleted);

        // A request in the middle of its body, which the server cannot finish by itself.
        using var stuck = await StartStuckRequestAsync(endpoint, thumbprint, subscription);

        var stopwatch = Stopwatch.StartNew();
        emulator.Signal(signal);
        Assert.True(await emulator.WaitForExitAsync(ExitBound), $"still running {ExitBound.TotalSeconds} s after signal {signal}: {emulator.Output}");
        stopwatch.Stop();
        Assert.True(emulator.Process.ExitCode == 0, $"exit code {emulator.Process.ExitCode} after signal {signal}: {emulator.Output}");
        Assert.Contains("ImageTools emulator stopped", emulator.Output);
        Assert.True(await stuck.IsClosedByServerAsync(TimeSpan.FromSeconds(5)), "the stuck request's connection was not closed");
        Assert.True(stopwatch.Elapsed < ExitBound, stopwatch.Elapsed.ToString());
    }

    [Fact]
    public async Task Disposing_the_server_aborts_requests_in_flight_after_the_shutdown_timeout()
    {
        var server = await EmulatorServer.StartAsync(new EmulatorOptions { Port = 0, OperationSeconds = 600 });
        StuckRequest? stuck = null;
        try
        {
            stuck = await StartStuckRequestAsync(server.Endpoint, server.CertificateThumbprint, server.SubscriptionId);
            var stopwatch = Stopwatch.StartNew();
            await server.DisposeAsync();
            stopwatch.Stop();
            Assert.True(stopwatch.Elapsed >= EmulatorServer.ShutdownTimeout - TimeSpan.FromMilliseconds(200), "returned before the request had its time: " + stopwatch.Elapsed);
            Assert.True(stopwatch.Elapsed < EmulatorServer.ShutdownTimeout + TimeSpan.FromSeconds(5), "shutdown took " + stopwatch.Elapsed);
            Assert.True(await stuck.IsClosedByServerAsync(TimeSpan.FromSeconds(5)));
        }
        finally
        {
            stuck?.Dispose();
            await server.DisposeAsync(); // again: harmless
        }
    }

    /// <summary>
    /// Opens a TLS connection and sends an ARM PUT whose Content-Length promises more body than is
    /// sent: the emulator's handler waits in the body read until the connection goes away. The
    /// request asks for 100-continue, which Kestrel sends when the handler starts reading the body,
    /// so on return the request is known to be in the handler.
    /// </summary>
    private static async Task<StuckRequest> StartStuckRequestAsync(Uri endpoint, string thumbprint, string subscription)
    {
        var tcp = new TcpClient();
        try
        {
            await tcp.ConnectAsync(endpoint.Host, endpoint.Port);
            var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false,
                (_, cert, _, _) => cert is not null && string.Equals(cert.GetCertHashString(), thumbprint, StringComparison.OrdinalIgnoreCase));
            await tls.AuthenticateAsClientAsync("127.0.0.1");
            var head = $"PUT /subscriptions/{subscription}/resourcegroups/rg-stuck?api-version=2022-09-01 HTTP/1.1\r\n" +
                       $"Host: {endpoint.Authority}\r\nAuthorization: Bearer t\r\nContent-Type: application/json\r\nContent-Length: 1000\r\nExpect: 100-continue\r\n\r\n";
            await tls.WriteAsync(Encoding.ASCII.GetBytes(head));
            await tls.FlushAsync();

            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            var received = new StringBuilder();
            var buffer = new byte[1024];
            while (!received.ToString().Contains("\r\n\r\n"))
            {
                var n = await tls.ReadAsync(buffer, cts.Token);
                Assert.True(n > 0, "connection closed before 100 Continue: " + received);
                received.Append(Encoding.ASCII.GetString(buffer, 0, n));
            }
            Assert.StartsWith("HTTP/1.1 100", received.ToString());

            await tls.WriteAsync(Encoding.ASCII.GetBytes("{\"location\":"));
            await tls.FlushAsync();
            return new StuckRequest(tcp, tls);
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    private sealed class StuckRequest(TcpClient tcp, SslStream tls) : IDisposable
    {
        /// <summary>True when the server closes or resets the connection within <paramref name="timeout"/> (no response arrives first).</summary>
        public async Task<bool> IsClosedByServerAsync(TimeSpan timeout)
        {
            using var cts = new CancellationTokenSource(timeout);
            var buffer = new byte[4096];
            try
            {
                while (true)
                {
                    var n = await tls.ReadAsync(buffer, cts.Token);
                    if (n == 0) return true;
                }
            }
            catch (OperationCanceledException) { return false; }
            catch (IOException) { return true; }
        }

        public void Dispose()
        {
            tls.Dispose();
            tcp.Dispose();
        }
    }
}
