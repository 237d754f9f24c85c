using System.Security.Authentication;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Tests.Infrastructure;

namespace ImageTools.Engine.Tests.Connection;

/// <summary>The process-wide session. Only these tests touch it, and they share the emulator collection (run one at a time).</summary>
[Collection(EmulatorCollection.Name)]
public class SessionTests(EmulatorFixture emulator)
{
    [Fact]
    public void Without_a_connection_the_engine_says_what_to_run()
    {
        ImageToolsEngine.Disconnect();

        var e = Assert.Throws<ImageToolsException>(() => ImageToolsEngine.FromSession());

        Assert.Equal("NotConnected", e.RuleId);
        Assert.Equal(FailureCategory.ConnectionError, e.Category);
        Assert.Contains("Connect-ImageTools -Identity", e.Remedy);
        Assert.Contains("-EmulatorConnectionFile", e.Remedy);
    }

    [Fact]
    public async Task Connecting_to_the_emulator_checks_the_subscription_and_stores_the_session()
    {
        var mark = await emulator.MarkAsync();
        try
        {
            var info = await ImageToolsEngine.ConnectAsync(emulator.ConnectRequest(), default);

            Assert.Equal("Emulator", info.Environment);
            Assert.Equal(emulator.SubscriptionId, info.SubscriptionId);
            Assert.Equal(emulator.Server.TenantId, info.TenantId);
            Assert.Equal("Emulator", info.CredentialKind);
            Assert.Equal(emulator.Server.Endpoint.ToString(), info.ResourceManagerUrl);
            Assert.Same(info, ImageToolsEngine.FromSession().Connection);
            var requests = (await emulator.Control.GetRequestsAsync()).Where(r => r.Sequence > mark).ToList();
            Assert.Contains(requests, r => r.Method == "GET" && r.Path.TrimEnd('/') == "/subscriptions/" + emulator.SubscriptionId && r.Status == 200);
        }
        finally
        {
            ImageToolsEngine.Disconnect();
        }
    }

    [Fact]
    public async Task A_subscription_that_cannot_be_reached_is_refused_at_connect()
    {
        var request = emulator.ConnectRequest();
        request.SubscriptionId = Guid.NewGuid().ToString();

        var e = await Assert.ThrowsAsync<ImageToolsException>(() => ImageToolsEngine.ConnectAsync(request, default));

        Assert.Equal("SubscriptionUnreachable", e.RuleId);
        Assert.Contains(request.SubscriptionId, e.Message);
        Assert.Contains("SubscriptionNotFound", e.Message);
        Assert.Throws<ImageToolsException>(() => ImageToolsEngine.FromSession());
    }

    [Fact]
    public async Task A_request_subscription_overrides_the_sessions()
    {
        var group = EmulatorFixture.NewGroup("override");
        await emulator.SeedVmAsync(group, "base01");
        var other = Guid.NewGuid().ToString();

        var e = await Assert.ThrowsAsync<ImageToolsException>(() => emulator.Engine.GeneralizeAsync(
            Refusals.Generalize(group, "base01", r => r.SubscriptionId = other), new RecordingHost()));

        Assert.Equal("VmNotFound", e.RuleId);
        Assert.Contains($"(subscription {other})", e.Message);
        Assert.Contains($"/subscriptions/{other}/", e.TargetId);
    }

    [Fact]
    public async Task A_server_presenting_another_certificate_is_refused()
    {
        var wrong = Path.Combine(Path.GetTempPath(), "imagetools-wrong-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(wrong, $$"""{"endpoint":"{{emulator.Server.Endpoint}}","certificateThumbprint":"{{new string('A', 40)}}","subscriptionId":"{{emulator.SubscriptionId}}","tenantId":"{{emulator.Server.TenantId}}"}""");
        var mark = await emulator.MarkAsync();
        try
        {
            var e = await Assert.ThrowsAsync<ImageToolsException>(() => ImageToolsEngine.OpenAsync(
                new ConnectRequest { CredentialKind = CredentialKind.Emulator, EmulatorConnectionFile = wrong }, null, EmulatorFixture.Options(), default));

            Assert.Equal("SubscriptionUnreachable", e.RuleId);
            Assert.Equal(FailureCategory.ConnectionError, e.Category);
            Assert.True(Chain(e).Any(x => x is AuthenticationException), "expected a TLS authentication failure in: " + string.Join(" <- ", Chain(e).Select(x => x.GetType().Name)));
            // The TLS handshake failed, so no request reached the emulator.
            Assert.DoesNotContain(await emulator.Control.GetRequestsAsync(), r => r.Sequence > mark && r.Path.Contains("/subscriptions/" + emulator.SubscriptionId) && r.Path.Split('/').Length == 3);
        }
        finally
        {
            File.Delete(wrong);
        }
    }

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (Exception? x = e; x != null; x = x.InnerException)
            yield return x;
    }
}
