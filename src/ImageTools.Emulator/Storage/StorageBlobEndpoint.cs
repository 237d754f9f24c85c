using System.Globalization;
using ImageTools.Emulator.State;
using Microsoft.AspNetCore.Http;

namespace ImageTools.Emulator.Storage;

/// <summary>
/// The blobs of emulated storage accounts (<c>/_storage/{account}/{container}/{blob}</c>), answering as
/// Azure Storage does for reads: Get Blob Properties (<c>HEAD</c>: Content-Length, x-ms-blob-type) and
/// Get Blob (<c>GET</c>, a <c>Range</c> or <c>x-ms-range</c> of <c>bytes=start-end</c> answered 206).
/// A blob of a private container needs its read SAS (<c>sig</c>): without one Storage answers 404
/// ResourceNotFound, with a wrong one 403 AuthenticationFailed. Not ARM: not in the ARM request log.
/// </summary>
internal static class StorageBlobEndpoint
{
    private const string Version = "2022-11-02";

    public static async Task HandleAsync(HttpContext http, EmulatorState state)
    {
        var segments = (http.Request.Path.Value ?? "").Trim('/').Split('/', 4);
        var method = http.Request.Method.ToUpperInvariant();
        var signature = http.Request.Query["sig"].ToString();
        var r = http.Response;
        r.Headers["x-ms-request-id"] = Guid.NewGuid().ToString();
        r.Headers["x-ms-version"] = Version;
        StorageBlob? blob;
        lock (state.Sync)
        {
            var account = segments.Length == 4 ? StorageAccounts.FindByName(state, segments[1]) : null;
            blob = account?.Storage!.Find(Uri.UnescapeDataString(segments[2]), Uri.UnescapeDataString(segments[3]));
        }
        if (blob is null || (signature.Length == 0 && !blob.PublicRead))
        {
            await ErrorAsync(http, method, 404, "ResourceNotFound", "The specified resource does not exist.");
            return;
        }
        if (!blob.Readable(signature))
        {
            await ErrorAsync(http, method, 403, "AuthenticationFailed", "Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.");
            return;
        }
        r.Headers["x-ms-blob-type"] = blob.BlobType;
        r.Headers["Accept-Ranges"] = "bytes";
        if (method == "HEAD")
        {
            r.StatusCode = 200;
            r.ContentLength = blob.Length;
            return;
        }
        if (method != "GET")
        {
            await ErrorAsync(http, method, 400, "UnsupportedHttpVerb", "The resource doesn't support specified Http Verb.");
            return;
        }
        var range = http.Request.Headers["x-ms-range"].ToString();
        if (range.Length == 0) range = http.Request.Headers.Range.ToString();
        long start = 0, end = blob.Length - 1;
        if (range.Length > 0)
        {
            if (!TryParseRange(range, out start, out end) || start >= blob.Length || end < start)
            {
                r.Headers["Content-Range"] = $"bytes */{blob.Length}";
                await ErrorAsync(http, method, 416, "InvalidRange", "The range specified is invalid for the current size of the resource.");
                return;
            }
            end = Math.Min(end, blob.Length - 1);
            r.StatusCode = 206;
            r.Headers["Content-Range"] = string.Create(CultureInfo.InvariantCulture, $"bytes {start}-{end}/{blob.Length}");
        }
        else r.StatusCode = 200;
        r.ContentType = "application/octet-stream";
        r.ContentLength = end - start + 1;
        for (var at = start; at <= end; at += 1 << 20)
            await r.Body.WriteAsync(blob.Read(at, Math.Min(end, at + (1 << 20) - 1)), http.RequestAborted);
    }

    private static bool TryParseRange(string value, out long start, out long end)
    {
        start = end = 0;
        if (!value.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase)) return false;
        var parts = value[6..].Split('-');
        return parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out start)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out end);
    }

    private static async Task ErrorAsync(HttpContext http, string method, int status, string code, string message)
    {
        http.Response.StatusCode = status;
        http.Response.Headers["x-ms-error-code"] = code;
        if (method == "HEAD") return;
        http.Response.ContentType = "application/xml";
        await http.Response.WriteAsync($"<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>{code}</Code><Message>{message}\nRequestId:{Guid.NewGuid()}\nTime:{DateTime.UtcNow:yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'}</Message></Error>", http.RequestAborted);
    }
}
