using System;
using System.Net.Http;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.ResourceManager;

namespace ImageTools.Engine.Connection
{
    /// <summary>Builds the one ArmClient a session uses: its cloud, credential, transport, retry policy and the pacing by ARM's request budgets.</summary>
    internal static class ArmClientFactory
    {
        /// <summary>The Microsoft.Network api-version used for generic resources (no typed Network SDK here).</summary>
        public const string NetworkApiVersion = "2023-09-01";

        /// <summary>The Microsoft.Storage api-version of a storage account read (Import-Vhd from a blob).</summary>
        public const string StorageApiVersion = "2023-05-01";

        private static readonly string[] NetworkTypes =
        {
            "Microsoft.Network/virtualNetworks",
            "Microsoft.Network/virtualNetworks/subnets",
            "Microsoft.Network/networkInterfaces",
            "Microsoft.Network/publicIPAddresses",
            "Microsoft.Network/networkSecurityGroups",
        };

        public static ArmClientOptions CreateOptions(ArmEnvironment environment, EngineOptions engineOptions, HttpMessageHandler? handler)
        {
            var options = new ArmClientOptions { Environment = environment };
            // Pinned so that the SDK never lists /providers/Microsoft.Network to pick a version.
            foreach (var type in NetworkTypes)
                options.SetApiVersion(new ResourceType(type), NetworkApiVersion);
            options.SetApiVersion(new ResourceType("Microsoft.Storage/storageAccounts"), StorageApiVersion);
            SessionTransport(options, engineOptions, handler);
            // A handler is given for the emulator only (its pinned certificate).
            if (engineOptions.PaceRequests ?? handler == null)
                options.AddPolicy(new ArmRatePacer(engineOptions.RateLimitWindows), HttpPipelinePosition.PerRetry);
            return options;
        }

        public static ArmClient Create(TokenCredential credential, string? subscriptionId, ArmEnvironment environment,
            EngineOptions engineOptions, HttpMessageHandler? handler = null) =>
            new ArmClient(credential, subscriptionId, CreateOptions(environment, engineOptions, handler));

        /// <summary>
        /// The pipeline for page blobs behind a disk's SAS: the session's transport (the emulator's
        /// pinned certificate) and retry policy, and no bearer token (the SAS is the authorization).
        /// </summary>
        public static HttpPipeline CreateBlobPipeline(EngineOptions engineOptions, HttpMessageHandler? handler)
        {
            var options = new BlobPipelineOptions();
            SessionTransport(options, engineOptions, handler);
            return HttpPipelineBuilder.Build(options);
        }

        /// <summary>The SDK's exponential retry policy at the session's settings, and the emulator's transport when a handler is given.</summary>
        private static void SessionTransport(ClientOptions options, EngineOptions engineOptions, HttpMessageHandler? handler)
        {
            options.Retry.MaxRetries = engineOptions.MaxRetries;
            options.Retry.Delay = engineOptions.RetryDelay;
            options.Retry.MaxDelay = engineOptions.MaxRetryDelay;
            options.Retry.Mode = RetryMode.Exponential;
            if (handler != null)
                options.Transport = new HttpClientTransport(handler);
        }

        public static ArmEnvironment EmulatorEnvironment(Uri endpoint) =>
            new ArmEnvironment(endpoint, endpoint.GetLeftPart(UriPartial.Authority));
    }
}
