using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.ResourceManager;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;
using Azure.ResourceManager.Resources;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Gateway
{
    /// <summary>
    /// <see cref="IDiskTransferGateway"/> over Azure.ResourceManager.Compute for the disks and
    /// snapshots, and over the session's HTTP pipeline (its transport and retries, no bearer
    /// token) for the page blob behind a write SAS. A SAS URL is a secret: it never appears in
    /// an error, only the disk it belongs to.
    /// </summary>
    internal sealed class DiskTransferGateway : ArmGateway, IDiskTransferGateway
    {
        private const string StorageVersion = "2021-08-06";
        private readonly HttpPipeline _blobs;

        public DiskTransferGateway(ArmClient client, DelayStrategy? polling, HttpPipeline blobs)
            : base(client, polling)
        {
            _blobs = blobs;
        }

        public Task<DiskState?> GetDiskAsync(ArmId diskId, CancellationToken ct) =>
            CallOrNull("read managed disk", diskId, async () =>
                ComputeStateMapper.ToDiskState((await Client.GetManagedDiskResource(Sdk(diskId)).GetAsync(ct).ConfigureAwait(false)).Value.Data));

        public Task<SnapshotState?> GetSnapshotAsync(ArmId snapshotId, CancellationToken ct) =>
            CallOrNull("read snapshot", snapshotId, async () =>
                ComputeStateMapper.ToSnapshotState((await Client.GetSnapshotResource(Sdk(snapshotId)).GetAsync(ct).ConfigureAwait(false)).Value.Data));

        public Task<DiskState> CreateDiskAsync(DiskCreateSpec spec, CancellationToken ct) =>
            Call("create managed disk", spec.Id, async () =>
            {
                var creation = new DiskCreationData(new DiskCreateOption(spec.CreateOption));
                if (spec.UploadSizeBytes > 0)
                    creation.UploadSizeBytes = spec.UploadSizeBytes;
                if (spec.SourceUri.Length > 0)
                    creation.SourceUri = new Uri(spec.SourceUri);
                if (spec.StorageAccountId.Length > 0)
                    creation.StorageAccountId = new ResourceIdentifier(spec.StorageAccountId);
                if (spec.SourceResourceId != null)
                    creation.SourceResourceId = Sdk(spec.SourceResourceId);
                var data = new ManagedDiskData(new AzureLocation(spec.Location))
                {
                    CreationData = creation,
                    Sku = new DiskSku { Name = new DiskStorageAccountType(spec.SkuName) },
                };
                if (spec.OsType.Length > 0)
                    data.OSType = ComputeStateMapper.Os(spec.OsType);
                if (spec.HyperVGeneration.Length > 0)
                    data.HyperVGeneration = new HyperVGeneration(spec.HyperVGeneration);
                foreach (var tag in spec.Tags)
                    data.Tags[tag.Key] = tag.Value;
                var operation = await ResourceGroup(spec.SubscriptionId, spec.ResourceGroupName).GetManagedDisks()
                    .CreateOrUpdateAsync(WaitUntil.Started, spec.Name, data, ct).ConfigureAwait(false);
                var result = await CompleteAsync(operation, ct).ConfigureAwait(false);
                return ComputeStateMapper.ToDiskState(result.Data);
            });

        public Task<SnapshotState> CreateSnapshotCopyAsync(SnapshotCopySpec spec, CancellationToken ct) =>
            Call("create snapshot", spec.Id, async () =>
            {
                var data = new SnapshotData(new AzureLocation(spec.Location))
                {
                    CreationData = new DiskCreationData(new DiskCreateOption(spec.CreateOption)) { SourceResourceId = Sdk(spec.SourceResourceId) },
                    Incremental = spec.Incremental,
                };
                foreach (var tag in spec.Tags)
                    data.Tags[tag.Key] = tag.Value;
                var operation = await ResourceGroup(spec.SubscriptionId, spec.ResourceGroupName).GetSnapshots()
                    .CreateOrUpdateAsync(WaitUntil.Started, spec.Name, data, ct).ConfigureAwait(false);
                var result = await CompleteAsync(operation, ct).ConfigureAwait(false);
                return ComputeStateMapper.ToSnapshotState(result.Data);
            });

        public Task<string> GrantWriteAccessAsync(ArmId diskId, TimeSpan duration, CancellationToken ct) =>
            Call("grant write access to managed disk", diskId, async () =>
            {
                var access = new GrantAccessData(AccessLevel.Write, (int)Math.Ceiling(duration.TotalSeconds));
                var operation = await Client.GetManagedDiskResource(Sdk(diskId)).GrantAccessAsync(WaitUntil.Started, access, ct).ConfigureAwait(false);
                var result = await CompleteAsync(operation, ct).ConfigureAwait(false);
                return result.AccessSas ?? "";
            });

        public Task RevokeAccessAsync(ArmId diskId, CancellationToken ct) =>
            Call("revoke access to managed disk", diskId, async () =>
                await CompleteAsync(await Client.GetManagedDiskResource(Sdk(diskId)).RevokeAccessAsync(WaitUntil.Started, ct).ConfigureAwait(false), ct).ConfigureAwait(false));

        public Task<DiskState> SetDiskTagsAsync(ArmId diskId, IDictionary<string, string> tags, CancellationToken ct) =>
            Call("update the tags of managed disk", diskId, async () =>
            {
                var patch = new ManagedDiskPatch();
                foreach (var tag in tags)
                    patch.Tags[tag.Key] = tag.Value;
                var operation = await Client.GetManagedDiskResource(Sdk(diskId)).UpdateAsync(WaitUntil.Started, patch, ct).ConfigureAwait(false);
                return ComputeStateMapper.ToDiskState((await CompleteAsync(operation, ct).ConfigureAwait(false)).Data);
            });

        public async Task WritePagesAsync(string sasUrl, long offset, byte[] buffer, int bufferOffset, int count, CancellationToken ct)
        {
            using var message = _blobs.CreateMessage();
            var request = message.Request;
            request.Method = RequestMethod.Put;
            request.Uri.Reset(new Uri(sasUrl + "&comp=page"));
            request.Headers.Add("x-ms-version", StorageVersion);
            request.Headers.Add("x-ms-page-write", "update");
            request.Headers.Add("x-ms-range", string.Format(CultureInfo.InvariantCulture, "bytes={0}-{1}", offset, offset + count - 1));
            request.Content = RequestContent.Create(new ReadOnlyMemory<byte>(buffer, bufferOffset, count));
            await SendAsync(message, sasUrl, "write pages of", ct).ConfigureAwait(false);
        }

        public async Task<IReadOnlyList<PageRange>> GetPageRangesAsync(string sasUrl, CancellationToken ct)
        {
            using var message = _blobs.CreateMessage();
            message.Request.Method = RequestMethod.Get;
            message.Request.Uri.Reset(new Uri(sasUrl + "&comp=pagelist"));
            message.Request.Headers.Add("x-ms-version", StorageVersion);
            await SendAsync(message, sasUrl, "read the page ranges of", ct).ConfigureAwait(false);
            var document = XDocument.Parse(message.Response.Content.ToString());
            return document.Descendants("PageRange")
                .Select(r => new PageRange(long.Parse((string)r.Element("Start")!, CultureInfo.InvariantCulture), long.Parse((string)r.Element("End")!, CultureInfo.InvariantCulture)))
                .ToList();
        }

        public Task<StorageAccountState?> GetStorageAccountAsync(ArmId accountId, CancellationToken ct) =>
            CallOrNull("read storage account", accountId, async () =>
            {
                var data = (await Client.GetGenericResource(Sdk(accountId)).GetAsync(ct).ConfigureAwait(false)).Value.Data;
                var endpoint = "";
                using (var properties = System.Text.Json.JsonDocument.Parse(data.Properties?.ToString() ?? "{}"))
                {
                    if (properties.RootElement.TryGetProperty("primaryEndpoints", out var endpoints) && endpoints.TryGetProperty("blob", out var blob))
                        endpoint = blob.GetString() ?? "";
                }
                return new StorageAccountState(SdkIds.FromSdk(data.Id), data.Location.Name, endpoint);
            });

        public async Task<BlobProbe> ProbeBlobAsync(string url, CancellationToken ct)
        {
            var probe = new BlobProbe();
            using (var head = await ReadBlobAsync(url, RequestMethod.Head, null, ct).ConfigureAwait(false))
            {
                if (!Readable(head.Response, probe))
                    return probe;
                probe.Length = head.Response.Headers.ContentLength ?? 0;
                probe.BlobType = head.Response.Headers.TryGetValue("x-ms-blob-type", out var type) ? type ?? "" : "";
            }
            probe.Outcome = BlobProbe.Read;
            if (probe.Length < 512)
                return probe;
            probe.Footer = await RangeAsync(url, probe.Length - 512, probe.Length - 1, ct).ConfigureAwait(false);
            var headEnd = Math.Min(probe.Length - 512, 64 * 1024);
            if (headEnd > 0)
                probe.Head = await RangeAsync(url, 0, headEnd - 1, ct).ConfigureAwait(false);
            return probe;
        }

        private async Task<byte[]> RangeAsync(string url, long start, long end, CancellationToken ct)
        {
            using var message = await ReadBlobAsync(url, RequestMethod.Get, string.Format(CultureInfo.InvariantCulture, "bytes={0}-{1}", start, end), ct).ConfigureAwait(false);
            var probe = new BlobProbe();
            if (!Readable(message.Response, probe))
                throw new AzureRequestException(probe.Outcome, $"Azure Storage refused a ranged read of '{BlobName(url)}': {probe.Detail}", null, BlobName(url),
                    FailureCategory.ResourceUnavailable, message.Response.Status, probe.Outcome, probe.Detail, new RequestFailedException(message.Response.Status, probe.Detail));
            return message.Response.Content.ToArray();
        }

        private async Task<HttpMessage> ReadBlobAsync(string url, RequestMethod method, string? range, CancellationToken ct)
        {
            var message = _blobs.CreateMessage();
            message.Request.Method = method;
            message.Request.Uri.Reset(new Uri(url));
            message.Request.Headers.Add("x-ms-version", StorageVersion);
            if (range != null)
                message.Request.Headers.Add("x-ms-range", range);
            try
            {
                await _blobs.SendAsync(message, ct).ConfigureAwait(false);
                return message;
            }
            catch (RequestFailedException e)
            {
                message.Dispose();
                throw new AzureRequestException("AzureUnreachable", $"Azure Storage could not be reached to read '{BlobName(url)}': {e.Message.Split('\n')[0]}",
                    "Check the network path to Azure Storage (proxy, firewall) and rerun.", BlobName(url), FailureCategory.ConnectionError, 0, "", e.Message, e);
            }
            catch (AggregateException e) when (ArmErrors.IsRetriesExhausted(e))
            {
                message.Dispose();
                throw ArmErrors.From(e, "read", BlobName(url));
            }
        }

        /// <summary>True for a 2xx answer; otherwise records NotFound (404) or Denied (401, 403) and Storage's code.</summary>
        private static bool Readable(Response response, BlobProbe probe)
        {
            if (response.Status < 300)
                return true;
            var code = response.Headers.TryGetValue("x-ms-error-code", out var header) ? header ?? "" : "";
            probe.Outcome = response.Status == 404 ? BlobProbe.NotFound : BlobProbe.Denied;
            probe.Detail = $"HTTP {response.Status}{(code.Length > 0 ? ", " + code : "")}";
            return false;
        }

        /// <summary>Sends a blob request; a Storage error keeps its code and message, never the SAS.</summary>
        private async Task SendAsync(HttpMessage message, string sasUrl, string action, CancellationToken ct)
        {
            var target = BlobName(sasUrl);
            try
            {
                await _blobs.SendAsync(message, ct).ConfigureAwait(false);
            }
            catch (RequestFailedException e)
            {
                throw new AzureRequestException("AzureUnreachable", $"Azure Storage could not be reached to {action} '{target}': {e.Message.Split('\n')[0]}",
                    "Check the network path to Azure Storage (proxy, firewall) and rerun; the rerun names the unfinished disk to delete before it uploads again.", target,
                    FailureCategory.ConnectionError, 0, "", e.Message, e);
            }
            catch (AggregateException e) when (ArmErrors.IsRetriesExhausted(e))
            {
                throw ArmErrors.From(e, action, target);
            }
            var response = message.Response;
            if (response.Status < 300)
                return;
            var (code, text) = ReadStorageError(response);
            var category = response.Status == 403 ? FailureCategory.PermissionDenied : response.Status == 404 ? FailureCategory.ObjectNotFound
                : response.Status >= 500 ? FailureCategory.ResourceUnavailable : FailureCategory.InvalidArgument;
            throw new AzureRequestException(code.Length > 0 ? code : "StorageRequestFailed",
                $"Azure Storage refused to {action} '{target}' (HTTP {response.Status}{(code.Length > 0 ? ", " + code : "")}): {text}",
                response.Status == 403 ? "The write access (SAS) has expired or was revoked, and the disk's upload has ended; the rerun names the unfinished disk to delete before it uploads again." : null,
                target, category, response.Status, code, text, new RequestFailedException(response.Status, text));
        }

        private static (string Code, string Message) ReadStorageError(Response response)
        {
            try
            {
                var error = XDocument.Parse(response.Content.ToString()).Root;
                return ((string?)error?.Element("Code") ?? "", ((string?)error?.Element("Message") ?? "").Split('\n')[0].Trim());
            }
            catch (System.Xml.XmlException)
            {
                return ("", response.ReasonPhrase ?? "");
            }
        }

        /// <summary>The blob's address without its query (the SAS).</summary>
        private static string BlobName(string sasUrl)
        {
            var query = sasUrl.IndexOf('?');
            return query < 0 ? sasUrl : sasUrl.Substring(0, query);
        }
    }
}
