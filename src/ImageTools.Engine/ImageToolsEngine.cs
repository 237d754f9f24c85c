using System;
using System.Threading;
using System.Threading.Tasks;
using ImageTools.Engine.Connection;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Operations.Capture;
using ImageTools.Engine.Operations.Generalize;
using ImageTools.Engine.Requests;
using ImageTools.Models;

namespace ImageTools.Engine
{
    /// <summary>
    /// The one object behind every cmdlet. Each method reads the real state first, runs the
    /// preflight (every applicable rule, before any write), then performs the steps, asking
    /// the host before each write and reporting through it. Results are also written to
    /// host.WriteObject as they complete (New-VmFromImage emits each VM as it is ready).
    /// </summary>
    public sealed class ImageToolsEngine
    {
        private readonly EngineSession _session;
        private readonly IAzureGateway _gateway;

        internal ImageToolsEngine(EngineSession session)
        {
            _session = session;
            _gateway = new AzureGateway(session.Client, session.Options.PollingDelay);
        }

        /// <summary>What this engine is connected to.</summary>
        public ConnectionInfo Connection => _session.Info;

        /// <summary>Signs in, checks the subscription is reachable, and stores the session context.</summary>
        public static Task<ConnectionInfo> ConnectAsync(ConnectRequest request, CancellationToken cancellationToken) =>
            ConnectAsync(request, null, null, cancellationToken);

        /// <summary>
        /// Signs in, checks the subscription is reachable, and stores the session context. A
        /// device-code prompt is written to the host as a warning; options tune polling and retries.
        /// </summary>
        public static async Task<ConnectionInfo> ConnectAsync(ConnectRequest request, IOperationHost? host, EngineOptions? options,
            CancellationToken cancellationToken)
        {
            var session = await Connector.OpenAsync(request, host, options ?? new EngineOptions(), cancellationToken).ConfigureAwait(false);
            EngineSession.SetCurrent(session);
            Catalog.ArgumentCompletion.ClearCache(); // listings of the previous sign-in are not this one's
            return session.Info;
        }

        /// <summary>Forgets the session's connection (Disconnect-ImageTools); returns what it was, or null when there was none.</summary>
        public static ConnectionInfo? Disconnect()
        {
            var forgotten = EngineSession.Current;
            EngineSession.SetCurrent(null);
            Catalog.ArgumentCompletion.ClearCache();
            return forgotten?.Info;
        }

        /// <summary>The engine over the session's connection; a clear error says what to run when there is none.</summary>
        public static ImageToolsEngine FromSession() => new ImageToolsEngine(EngineSession.RequireCurrent());

        /// <summary>An engine over its own connection, leaving the session's alone (tests, parallel rehearsals).</summary>
        public static async Task<ImageToolsEngine> OpenAsync(ConnectRequest request, IOperationHost? host, EngineOptions? options,
            CancellationToken cancellationToken) =>
            new ImageToolsEngine(await Connector.OpenAsync(request, host, options ?? new EngineOptions(), cancellationToken).ConfigureAwait(false));

        public Task<VmInfo?> GeneralizeAsync(GeneralizeRequest request, IOperationHost host) =>
            GeneralizeOperation.RunAsync(request, host, _gateway, _session.Options, _session.SubscriptionFor(request.SubscriptionId));

        public Task<ImageInfo?> CaptureAsync(CaptureRequest request, IOperationHost host) =>
            CaptureOperation.RunAsync(request, host, _gateway, _session.Options, _session.SubscriptionFor(request.SubscriptionId));

        /// <summary>Publishes a gallery version; a non-positive ReplicationTimeout is refused before any request.</summary>
        public Task<GalleryVersionInfo?> PublishAsync(PublishRequest request, IOperationHost host)
        {
            Operations.OperationRun.RequirePositive(request.ReplicationTimeout, "ReplicationTimeout");
            return Operations.Publish.PublishOperation.RunAsync(request, host, _gateway, new GalleryGateway(_session.Client, _session.Options.PollingDelay),
                _session.Options, _session.SubscriptionFor(request.SubscriptionId));
        }

        public Task DeployAsync(DeployRequest request, IOperationHost host) =>
            Operations.Deploy.DeployOperation.RunAsync(request, host, _gateway, new GalleryGateway(_session.Client, _session.Options.PollingDelay),
                new DeployGateway(_session.Client, _session.Options.PollingDelay), _session.Options, _session.SubscriptionFor(request.SubscriptionId));
    }
}
