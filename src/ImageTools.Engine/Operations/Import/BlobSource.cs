using System;

namespace ImageTools.Engine.Operations.Import
{
    /// <summary>
    /// A blob URL as Import-Vhd takes it: https://{account}.blob.core.windows.net/{container}/{blob}.vhd,
    /// with or without a SAS. The SAS is a secret: only <see cref="Url"/> (without it) is ever shown,
    /// tagged or sent to ARM; <see cref="ReadUrl"/> (with it) is used only to read the blob.
    /// </summary>
    internal sealed class BlobSource
    {
        private BlobSource(string given)
        {
            var query = given.IndexOf('?');
            Url = query < 0 ? given : given.Substring(0, query);
            ReadUrl = given;
            HasSas = query >= 0 && given.IndexOf("sig=", query, StringComparison.OrdinalIgnoreCase) > 0;
        }

        /// <summary>The blob's address without its query (what ARM's sourceUri takes).</summary>
        public string Url { get; }

        /// <summary>The address as given, SAS included.</summary>
        public string ReadUrl { get; }

        public bool HasSas { get; }

        /// <summary>The container and blob name after the account's blob endpoint; empty when the URL is not under it.</summary>
        public string ContainerOf(string endpoint) => Split(endpoint).Container;

        public string BlobNameOf(string endpoint) => Split(endpoint).Blob;

        /// <summary>The name a disk gets by default: the blob's name without its extension.</summary>
        public string FileName
        {
            get
            {
                var slash = Url.LastIndexOf('/');
                return Uri.UnescapeDataString(slash < 0 ? Url : Url.Substring(slash + 1));
            }
        }

        /// <summary>Why the URL cannot be a blob of that endpoint (not https, not under it, no container or blob); empty when it can.</summary>
        public string Problem(string endpoint)
        {
            if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
                return "it is not an https URL";
            if (endpoint.Length == 0 || !Url.StartsWith(endpoint.TrimEnd('/') + "/", StringComparison.OrdinalIgnoreCase))
                return endpoint.Length == 0 ? "the storage account reports no blob endpoint" : $"it is not under the storage account's blob endpoint {endpoint}";
            var (container, blob) = Split(endpoint);
            if (container.Length == 0 || blob.Length == 0)
                return "it names no container and blob";
            return blob.EndsWith(".vhd", StringComparison.OrdinalIgnoreCase) ? "" : "the blob's name does not end with .vhd";
        }

        public static BlobSource Parse(string given) => new BlobSource((given ?? "").Trim());

        private (string Container, string Blob) Split(string endpoint)
        {
            var root = endpoint.TrimEnd('/') + "/";
            if (endpoint.Length == 0 || !Url.StartsWith(root, StringComparison.OrdinalIgnoreCase))
                return ("", "");
            var rest = Url.Substring(root.Length);
            var slash = rest.IndexOf('/');
            return slash <= 0 ? ("", "") : (Uri.UnescapeDataString(rest.Substring(0, slash)), Uri.UnescapeDataString(rest.Substring(slash + 1)));
        }
    }
}
