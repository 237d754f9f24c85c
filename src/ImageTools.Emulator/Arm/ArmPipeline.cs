using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ImageTools.Emulator.Control;
using ImageTools.Emulator.Resources;
using ImageTools.Emulator.State;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;

namespace ImageTools.Emulator.Arm;

/// <summary>
/// Front door for every ARM request: faults, authentication, api-version, routing, error envelope,
/// request log. Control API calls (/_emulator/…) are handed to <see cref="ControlApi"/>.
/// </summary>
internal sealed class ArmPipeline
{
    private static readonly Regex ApiVersionFormat = new(@"^\d{4}-\d{2}-\d{2}(-[A-Za-z0-9]+)?$", RegexOptions.Compiled);
    private readonly EmulatorState _state;
    private readonly ArmRouter _router;
    private readonly ControlApi _control;
    private readonly Func<Uri> _baseUri;

    public ArmPipeline(EmulatorState state, ArmRouter router, ControlApi control, Func<Uri> baseUri)
    {
        _state = state; _router = router; _control = control; _baseUri = baseUri;
    }

    public async Task HandleAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "/";
        if (path.StartsWith("/_emulator", StringComparison.OrdinalIgnoreCase))
        {
            await _control.HandleAsync(http);
            return;
        }
        if (path.StartsWith("/_blob/", StringComparison.OrdinalIgnoreCase))
        {
            await Disk.BlobEndpoint.HandleAsync(http, _state);
            return;
        }
        if (path.StartsWith("/_storage/", StringComparison.OrdinalIgnoreCase))
        {
            await Storage.StorageBlobEndpoint.HandleAsync(http, _state);
            return;
        }

        var started = Stopwatch.StartNew();
        var method = http.Request.Method.ToUpperInvariant();
        var entry = new RequestLogEntry { Method = method, Path = path, Query = http.Request.QueryString.Value ?? "", Time = DateTimeOffset.UtcNow };
        try
        {
            string? raw = null;
            try
            {
                using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
                raw = await reader.ReadToEndAsync(http.RequestAborted);
            }
            // The client went away, or the server stopping aborted the connection (it may do so
            // before RequestAborted is signalled): nobody is left to answer.
            catch (Exception e) when (http.RequestAborted.IsCancellationRequested || e is ConnectionAbortedException || e.InnerException is ConnectionAbortedException) { return; }

            var expand = http.Request.Query["$expand"].FirstOrDefault();
            var fault = _state.Faults.Take(method, path, _state.Random, "status", "drop");
            if (fault is not null)
            {
                entry.FaultId = fault.Id;
                if (fault.Kind.Equals("drop", StringComparison.OrdinalIgnoreCase))
                {
                    entry.Status = 0;
                    http.Abort();
                    return;
                }
                var faultResponse = FaultResponse(fault);
                entry.Status = faultResponse.Status;
                var counted = _state.RateLimits.Admit(method, path, expand, _state.Now, enforce: false);
                await WriteAsync(http, faultResponse, faultResponse.Body?.ToJsonString(), counted.Headers);
                return;
            }

            var admission = _state.RateLimits.Admit(method, path, expand, _state.Now);
            if (admission.Throttled is { } throttle)
            {
                var throttled = ThrottledResponse(throttle);
                entry.Status = throttled.Status;
                entry.ThrottledBy = throttle.Policy;
                await WriteAsync(http, throttled, throttled.Body?.ToJsonString(), admission.Headers);
                return;
            }

            var (response, text, context) = Dispatch(http, method, path, raw);
            entry.Status = response.Status;
            if (context?.PolledOperation is LroOperation op)
            {
                entry.Poll = true;
                entry.OperationId = op.Id;
                entry.PreviousRetryAfterSeconds = context.PreviousRetryAfter;
                entry.SecondsSincePrevious = context.SecondsSincePrevious;
                if (context.PreviousRetryAfter is double ra && context.SecondsSincePrevious is double since)
                    entry.EarlyPoll = since + 0.010 < ra;
            }
            await WriteAsync(http, response, text, admission.Headers);
        }
        catch (Exception) when (http.RequestAborted.IsCancellationRequested)
        {
            entry.Status = 499;
        }
        finally
        {
            entry.DurationMs = started.Elapsed.TotalMilliseconds;
            _state.Log.Add(entry);
        }
    }

    private (ArmResponse Response, string? Text, ArmContext? Context) Dispatch(HttpContext http, string method, string path, string? raw)
    {
        ArmContext? context = null;
        try
        {
            var auth = http.Request.Headers.Authorization.ToString();
            if (string.IsNullOrEmpty(auth)) throw ArmErrors.AuthenticationMissing().AsException();
            if (!auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || auth.Length <= 7) throw ArmErrors.AuthenticationMalformed().AsException();

            var query = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (k, v) in http.Request.Query) query[k] = v.ToString();
            if (!query.TryGetValue("api-version", out var apiVersion) || string.IsNullOrWhiteSpace(apiVersion)) throw ArmErrors.MissingApiVersion().AsException();
            if (!ApiVersionFormat.IsMatch(apiVersion)) throw ArmErrors.InvalidApiVersion(apiVersion).AsException();

            var segments = path.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
            context = new ArmContext { Method = method, Path = path, Query = query, RawBody = raw, State = _state, BaseUri = _baseUri() };
            var handler = _router.Match(method, segments, out var values, out var pathKnown);
            if (handler is null)
            {
                var error = pathKnown ? ArmErrors.MethodNotAllowed(method) : Fallbacks.UnknownRoute(segments, apiVersion, path);
                return (ArmResponse.Error(error), error.ToEnvelope().ToJsonString(), context);
            }
            context.Route = values;

            lock (_state.Sync)
            {
                _state.Advance();
                if (values.TryGetValue("sub", out var sub) && !sub.Equals(_state.SubscriptionId, StringComparison.OrdinalIgnoreCase))
                    throw ArmErrors.SubscriptionNotFound(sub).AsException();
                ArmResponse response;
                try
                {
                    // ARM checks tags on every write that carries them, whatever the resource type.
                    if (method is "PUT" or "PATCH") TagRules.Validate(context.BodyOrNull?["tags"]);
                    response = handler(context);
                }
                catch (ArmException e) { response = ArmResponse.Error(e.Error); }
                var text = response.Body?.ToJsonString();
                _state.Advance();
                return (response, text, context);
            }
        }
        catch (ArmException e)
        {
            var r = ArmResponse.Error(e.Error);
            return (r, r.Body!.ToJsonString(), context);
        }
        catch (Exception e)
        {
            var r = ArmResponse.Error(ArmErrors.Internal(http.TraceIdentifier));
            Console.Error.WriteLine($"[emulator] unhandled {e.GetType().Name} on {method} {path}: {e.Message}");
            return (r, r.Body!.ToJsonString(), context);
        }
    }

    private static ArmResponse FaultResponse(FaultRule fault)
    {
        var status = fault.Status ?? 500;
        ArmError error = status == 429 && fault.ErrorCode is null
            ? ArmErrors.Throttled("HighCostGet30Min", 800, 1238)
            : new ArmError(status, fault.ErrorCode ?? DefaultCode(status), fault.ErrorMessage ?? DefaultMessage(status));
        if (fault.ErrorMessage is not null && status == 429 && fault.ErrorCode is null)
            error = new ArmError(429, "OperationNotAllowed", fault.ErrorMessage, details: error.Details);
        var response = ArmResponse.Error(error);
        var retryAfter = fault.RetryAfterSeconds ?? (status == 429 ? 1 : (double?)null);
        if (retryAfter is double ra) response.Headers["Retry-After"] = ((long)Math.Ceiling(ra)).ToString(CultureInfo.InvariantCulture);
        if (status == 429) response.Headers["x-ms-ratelimit-remaining-resource"] = "Microsoft.Compute/HighCostGet3Min;0,Microsoft.Compute/HighCostGet30Min;0";
        return response;
    }

    /// <summary>429 for an exhausted budget: ARM's text for a subscription budget, Compute's body for its policies.</summary>
    private ArmResponse ThrottledResponse(Throttle t)
    {
        var error = t.Subscription
            ? ArmErrors.SubscriptionThrottled(t.Kind, _state.SubscriptionId, t.Limit, t.Window, t.RetryAfterSeconds)
            : ArmErrors.Throttled(t.Policy, t.Limit, t.Measured, t.WindowStart, t.Window);
        var response = ArmResponse.Error(error);
        response.Headers["Retry-After"] = t.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return response;
    }

    private static string DefaultCode(int status) => status switch
    {
        500 => "InternalServerError",
        502 => "BadGateway",
        503 => "ServiceUnavailable",
        504 => "GatewayTimeout",
        408 => "RequestTimeout",
        409 => "Conflict",
        404 => "NotFound",
        _ => "BadRequest",
    };

    private static string DefaultMessage(int status) => status switch
    {
        503 => "The service is temporarily unavailable. Please retry the request after some time.",
        504 => "The gateway did not receive a response from 'Microsoft.Compute' within the specified time period.",
        _ => "An injected fault answered this request.",
    };

    private static async Task WriteAsync(HttpContext http, ArmResponse response, string? text, IEnumerable<KeyValuePair<string, string>> counters)
    {
        var r = http.Response;
        r.StatusCode = response.Status;
        var requestId = Guid.NewGuid().ToString();
        r.Headers["x-ms-request-id"] = requestId;
        r.Headers["x-ms-routing-request-id"] = $"LOCAL:{DateTime.UtcNow:yyyyMMdd'T'HHmmss'Z'}:{requestId}";
        r.Headers["x-ms-correlation-request-id"] = http.Request.Headers["x-ms-correlation-request-id"].FirstOrDefault() ?? requestId;
        foreach (var (k, v) in counters) r.Headers[k] = v;
        r.Headers.CacheControl = "no-cache";
        foreach (var (k, v) in response.Headers) r.Headers[k] = v;
        if (text is not null && !HttpMethods.IsHead(http.Request.Method))
        {
            r.ContentType = "application/json; charset=utf-8";
            await r.WriteAsync(text, http.RequestAborted);
        }
        else if (response.Status != 204)
        {
            r.ContentLength = 0;
        }
    }
}
