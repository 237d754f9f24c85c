using System;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Connection
{
    /// <summary>
    /// The connection file the emulator writes when it is ready:
    /// {"endpoint","certificateThumbprint","subscriptionId","tenantId"}.
    /// </summary>
    internal sealed class EmulatorEndpoint
    {
        public EmulatorEndpoint(Uri endpoint, string certificateThumbprint, string subscriptionId, string tenantId)
        {
            Endpoint = endpoint;
            CertificateThumbprint = NormalizeThumbprint(certificateThumbprint);
            SubscriptionId = subscriptionId;
            TenantId = tenantId;
        }

        public Uri Endpoint { get; }
        public string CertificateThumbprint { get; }
        public string SubscriptionId { get; }
        public string TenantId { get; }

        public static EmulatorEndpoint Load(string path)
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new ImageToolsException(ErrorIds.EmulatorConnectionFileUnreadable,
                    $"The emulator connection file '{path}' cannot be read: {e.Message}",
                    "Start the emulator with --connection-file <path> and pass that path to -EmulatorConnectionFile.",
                    path, FailureCategory.ObjectNotFound, e);
            }
            return Parse(text, path);
        }

        public static EmulatorEndpoint Parse(string json, string source)
        {
            try
            {
                using var document = JsonDocument.Parse(json);
                var root = document.RootElement;
                string Read(string name)
                {
                    if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0)
                        return value.GetString()!;
                    throw new FormatException($"property '{name}' is missing");
                }
                return new EmulatorEndpoint(new Uri(Read("endpoint")), Read("certificateThumbprint"), Read("subscriptionId"), Read("tenantId"));
            }
            catch (Exception e) when (e is JsonException || e is FormatException || e is UriFormatException)
            {
                throw new ImageToolsException(ErrorIds.EmulatorConnectionFileInvalid,
                    $"The emulator connection file '{source}' is not valid: {e.Message}.",
                    "Pass the file the emulator wrote at start (--connection-file); it holds endpoint, certificateThumbprint, subscriptionId and tenantId.",
                    source, FailureCategory.InvalidArgument, e);
            }
        }

        /// <summary>
        /// An HTTP handler that trusts exactly the emulator's certificate (compared by its
        /// SHA-1 thumbprint) and nothing else: no other certificate, and no "accept any".
        /// </summary>
        public HttpClientHandler CreatePinnedHandler()
        {
            var pinned = CertificateThumbprint;
            return new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) =>
                    certificate != null && string.Equals(certificate.GetCertHashString(), pinned, StringComparison.OrdinalIgnoreCase),
            };
        }

        private static string NormalizeThumbprint(string thumbprint) =>
            thumbprint.Replace(":", "").Replace(" ", "").Trim().ToUpperInvariant();
    }
}
