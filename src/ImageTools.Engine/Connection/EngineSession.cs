using System;
using Azure.ResourceManager;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;
using ImageTools.Models;

namespace ImageTools.Engine.Connection
{
    /// <summary>
    /// A signed-in connection: the ArmClient and its gateways, what it is connected to, and its timing options.
    /// The current one is kept per process (one PowerShell session loads the module once);
    /// reads and writes of it are thread-safe.
    /// </summary>
    internal sealed class EngineSession
    {
        private static readonly object Gate = new object();
        private static EngineSession? _current;

        public EngineSession(ArmClient client, Gateways gateways, ConnectionInfo info, EngineOptions options)
        {
            Client = client;
            Gateways = gateways;
            Info = info;
            Options = options;
        }

        public ArmClient Client { get; }
        /// <summary>The session's gateways, built once over <see cref="Client"/>.</summary>
        public Gateways Gateways { get; }
        public ConnectionInfo Info { get; }
        public EngineOptions Options { get; }

        public static EngineSession? Current
        {
            get { lock (Gate) return _current; }
        }

        public static void SetCurrent(EngineSession? session)
        {
            lock (Gate) _current = session;
        }

        public static EngineSession RequireCurrent() =>
            Current ?? throw new ImageToolsException(ErrorIds.NotConnected,
                "ImageTools is not connected to Azure in this session.",
                "Run Connect-ImageTools first: for example 'Connect-ImageTools -Identity' in an Azure Automation runbook, " +
                "'Connect-ImageTools -TenantId <tenant> -SubscriptionId <subscription>' at a prompt, " +
                "or 'Connect-ImageTools -EmulatorConnectionFile <path>' for the local emulator.",
                null, FailureCategory.ConnectionError);

        /// <summary>The subscription a request works in: its own -SubscriptionId, else the session's.</summary>
        public string SubscriptionFor(string? requested) =>
            string.IsNullOrWhiteSpace(requested) ? Info.SubscriptionId : requested!.Trim();
    }
}
