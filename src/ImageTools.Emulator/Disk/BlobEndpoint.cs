using System.Globalization;
using System.Text;
using ImageTools.Emulator.State;
using Microsoft.AspNetCore.Http;

namespace ImageTools.Emulator.Disk;

/// <summary>
/// The page blob behind a disk's access SAS (<c>/_blob/{disk uniqueId}/abcd?sv=…&amp;sig=…</c>), answering as
/// Azure Storage does for what a disk upload uses: Put Page (<c>PUT ?comp=page</c>, <c>x-ms-page-write:
/// update|clear</c>, <c>x-ms-range</c> or <c>Range</c> <c>bytes=start-end</c> aligned to 512, at most 4 MiB),
/// Get Page Ranges (<c>GET ?comp=pagelist</c>) and Get Blob Properties (<c>HEAD</c>). Errors are Storage's
/// XML bodies. Not ARM: no bearer token, no api-version, not in the ARM request log.
/// </summary>
internal static class BlobEndpoint
{
    private const string Version = "2021-08-06";

    public static async Task HandleAsync(HttpContext http, EmulatorState state)
    {
        var segments = (http.Request.Path.Value ?? "").Trim('/').Split('/');
        var method = http.Request.Method.ToUpperInvariant();
        byte[] body;
        using (var buffer = new MemoryStream())
        {
            try { await http.Request.Body.CopyToAsync(buffer, http.RequestAborted); }
            catch (Exception) when (http.RequestAborted.IsCancellationRequested) { return; }
            body = buffer.ToArray();
        }
        var comp = http.Request.Query["comp"].ToString();
        var signature = http.Request.Query["sig"].ToString();
        int status;
        string? xml = null;
        var headers = new Dictionary<string, string>();
        lock (state.Sync)
        {
            state.Advance();
            var disk = segments.Length >= 2 ? Disks.FindByUniqueId(state, segments[1]) : null;
            var upload = disk?.Upload;
            if (disk is null || upload is null)
                (status, xml) = Error(404, "ResourceNotFound", "The specified resource does not exist.");
            else if (!upload.Accepts(signature, state.Now))
                (status, xml) = Error(403, "AuthenticationFailed", "Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.");
            else if (method == "HEAD")
            {
                status = 200;
                headers["Content-Length"] = upload.SizeBytes.ToString(CultureInfo.InvariantCulture);
                headers["x-ms-blob-type"] = "PageBlob";
                headers["x-ms-blob-sequence-number"] = "0";
            }
            else if (method == "GET" && comp.Equals("pagelist", StringComparison.OrdinalIgnoreCase))
            {
                status = 200;
                var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><PageList>");
                foreach (var (s, e) in upload.Ranges) sb.Append(CultureInfo.InvariantCulture, $"<PageRange><Start>{s}</Start><End>{e}</End></PageRange>");
                xml = sb.Append("</PageList>").ToString();
                headers["x-ms-blob-content-length"] = upload.SizeBytes.ToString(CultureInfo.InvariantCulture);
            }
            else if (method == "PUT" && comp.Equals("page", StringComparison.OrdinalIgnoreCase))
                (status, xml) = PutPage(http, upload, body, disk.Properties["diskState"]?.ToString(), headers);
            else
                (status, xml) = Error(400, "UnsupportedHttpVerb", "The resource doesn't support specified Http Verb.");
        }

        var r = http.Response;
        r.StatusCode = status;
        r.Headers["x-ms-request-id"] = Guid.NewGuid().ToString();
        r.Headers["x-ms-version"] = Version;
        r.Headers["Date"] = DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture);
        foreach (var (k, v) in headers) if (k != "Content-Length") r.Headers[k] = v;
        if (xml is not null && method != "HEAD")
        {
            r.ContentType = "application/xml";
            await r.WriteAsync(xml, http.RequestAborted);
        }
        else if (headers.TryGetValue("Content-Length", out var length)) r.ContentLength = long.Parse(length, CultureInfo.InvariantCulture);
        else r.ContentLength = 0;
    }

    private static (int, string?) PutPage(HttpContext http, UploadRuntime upload, byte[] body, string? diskState, Dictionary<string, string> headers)
    {
        if (!upload.WriteAccess || upload.ReadOnly || diskState != "ActiveUpload")
            return Error(403, "AuthorizationPermissionMismatch", "This request is not authorized to perform this operation using this permission.");
        var mode = http.Request.Headers["x-ms-page-write"].ToString();
        var clear = mode.Equals("clear", StringComparison.OrdinalIgnoreCase);
        if (!clear && !mode.Equals("update", StringComparison.OrdinalIgnoreCase))
            return Error(400, "InvalidHeaderValue", "The value for one of the HTTP headers is not in the correct format.");
        var range = http.Request.Headers["x-ms-range"].ToString();
        if (range.Length == 0) range = http.Request.Headers.Range.ToString();
        if (!TryParseRange(range, out var start, out var end))
            return Error(400, "InvalidHeaderValue", "The value for one of the HTTP headers is not in the correct format.");
        if (start % 512 != 0 || (end + 1) % 512 != 0 || end < start || end >= upload.SizeBytes)
            return Error(416, "InvalidPageRange", "The page range specified is invalid.");
        if (!clear)
        {
            if (body.Length > UploadRuntime.MaxPageWrite) return Error(413, "RequestBodyTooLarge", "The request body is too large and exceeds the maximum permissible limit.");
            if (body.Length != end - start + 1) return Error(400, "InvalidHeaderValue", "The value for one of the HTTP headers is not in the correct format.");
        }
        else if (body.Length != 0) return Error(400, "InvalidHeaderValue", "The value for one of the HTTP headers is not in the correct format.");
        upload.Write(start, end, body, clear);
        headers["ETag"] = $"\"0x{upload.WriteCount:X16}\"";
        headers["Last-Modified"] = DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture);
        headers["x-ms-blob-sequence-number"] = "0";
        headers["x-ms-request-server-encrypted"] = "true";
        return (201, null);
    }

    private static bool TryParseRange(string value, out long start, out long end)
    {
        start = end = 0;
        if (!value.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase)) return false;
        var parts = value[6..].Split('-');
        return parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out start)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out end);
    }

    private static (int, string) Error(int status, string code, string message) =>
        (status, $"<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>{code}</Code><Message>{message}\nRequestId:{Guid.NewGuid()}\nTime:{DateTime.UtcNow:yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'}</Message></Error>");
}
