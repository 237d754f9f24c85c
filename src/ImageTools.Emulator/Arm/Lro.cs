using System.Globalization;
using System.Text.Json.Nodes;
using ImageTools.Emulator.State;

namespace ImageTools.Emulator.Arm;

/// <summary>A long-running operation as ARM exposes it through Azure-AsyncOperation and Location URLs.</summary>
internal sealed class LroOperation
{
    public required string Id { get; init; }
    public required string Kind { get; init; }
    /// <summary>Provider namespace of the status URLs; null for subscription-level operationresults (resource groups).</summary>
    public required string? Namespace { get; init; }
    public required string Location { get; init; }
    public required string ApiVersion { get; init; }
    public DateTimeOffset StartTime { get; init; }
    public DateTimeOffset? DueTime { get; set; }
    public DateTimeOffset? EndTime { get; set; }
    public string Status { get; set; } = "InProgress";
    public ArmError? Error { get; set; }
    public bool NeverEnds { get; set; }
    /// <summary>The final answer of the Location URL once Succeeded (POST results); 200 without body when null.</summary>
    public Func<ArmResponse>? FinalResult { get; set; }
    public double? LastRetryAfter { get; set; }
    public DateTimeOffset? LastResponseAt { get; set; }
    public bool Done => Status != "InProgress";
}

/// <summary>The LRO protocol (ARM-REFERENCE §3): operation lifecycle, headers, and the two poll URLs.</summary>
internal static class Lro
{
    /// <summary>
    /// Starts an operation of <paramref name="kind"/>. Completion runs <paramref name="onSucceeded"/> (an
    /// <see cref="ArmException"/> thrown there fails the operation with that error) or <paramref name="onFailed"/>.
    /// Injected lroFailed / lroNeverEnds faults matching the initiating request apply here.
    /// </summary>
    public static LroOperation Start(ArmContext c, string kind, string? ns, string location, Action? onSucceeded,
        Action<ArmError>? onFailed = null, ArmError? plannedFailure = null, double? seconds = null)
    {
        var state = c.State;
        var op = new LroOperation
        {
            Id = Guid.NewGuid().ToString(),
            Kind = kind,
            Namespace = ns,
            Location = Regions.Normalize(location) is { Length: > 0 } l ? l : "eastus",
            ApiVersion = c.ApiVersion,
            StartTime = state.Now,
        };
        var fault = state.Faults.Take(c.Method, c.Path, state.Random, "lroFailed", "lroNeverEnds");
        if (fault is not null && fault.Kind.Equals("lroNeverEnds", StringComparison.OrdinalIgnoreCase)) op.NeverEnds = true;
        else if (fault is not null)
            plannedFailure = new ArmError(fault.Status ?? 500, fault.ErrorCode ?? "InternalOperationError",
                fault.ErrorMessage ?? "The operation failed because of an internal error. Please retry the operation.");

        state.Operations[op.Id] = op;
        if (op.NeverEnds) return op;

        var duration = seconds ?? state.Timing.For(kind);
        op.DueTime = op.StartTime.AddSeconds(Math.Max(0, duration));
        state.Schedule(op.DueTime.Value, () =>
        {
            if (op.Done) return;
            if (plannedFailure is not null) { Fail(op, plannedFailure, onFailed); return; }
            try
            {
                onSucceeded?.Invoke();
                op.Status = "Succeeded";
                op.EndTime = state.Now;
            }
            catch (ArmException e) { Fail(op, e.Error, onFailed); }
        });
        return op;
    }

    /// <summary>Ends a running operation as Compute does when a more recent one replaces it.</summary>
    public static void Preempt(EmulatorState state, LroOperation op)
    {
        op.Status = "Failed";
        op.Error = new ArmError(409, "OperationPreempted", "Operation execution has been preempted by a more recent operation.");
        op.EndTime = state.Now;
    }

    private static void Fail(LroOperation op, ArmError error, Action<ArmError>? onFailed)
    {
        op.Status = "Failed";
        op.Error = error;
        op.EndTime = DateTimeOffset.UtcNow;
        onFailed?.Invoke(error);
    }

    public static string AsyncOperationUrl(ArmContext c, LroOperation op) =>
        op.Namespace is null
            ? $"{c.BaseUri}subscriptions/{c.State.SubscriptionId}/operationresults/{op.Id}?api-version={op.ApiVersion}"
            : $"{c.BaseUri}subscriptions/{c.State.SubscriptionId}/providers/{op.Namespace}/locations/{op.Location}/operations/{op.Id}?api-version={op.ApiVersion}";

    public static string LocationUrl(ArmContext c, LroOperation op) =>
        op.Namespace is null
            ? $"{c.BaseUri}subscriptions/{c.State.SubscriptionId}/operationresults/{op.Id}?api-version={op.ApiVersion}"
            : $"{c.BaseUri}subscriptions/{c.State.SubscriptionId}/providers/{op.Namespace}/locations/{op.Location}/operations/{op.Id}?monitor=true&api-version={op.ApiVersion}";

    /// <summary>Adds Azure-AsyncOperation and/or Location plus Retry-After, remembering what was promised.</summary>
    public static ArmResponse WithHeaders(this ArmResponse r, ArmContext c, LroOperation op, bool asyncOperation = true, bool location = false)
    {
        if (asyncOperation) r.Headers["Azure-AsyncOperation"] = AsyncOperationUrl(c, op);
        if (location) r.Headers["Location"] = LocationUrl(c, op);
        return StampRetryAfter(r, c, op);
    }

    private static ArmResponse StampRetryAfter(ArmResponse r, ArmContext c, LroOperation op)
    {
        double retryAfter;
        if (c.State.Timing.RetryAfterSeconds is double configured) retryAfter = configured;
        else if (op.NeverEnds) retryAfter = 1;
        else if (op.Done || op.DueTime is null) retryAfter = 0;
        else retryAfter = Math.Ceiling(Math.Max(0, (op.DueTime.Value - c.State.Now).TotalSeconds));
        if (!op.Done) r.Headers["Retry-After"] = ((long)retryAfter).ToString(CultureInfo.InvariantCulture);
        op.LastRetryAfter = op.Done ? null : Math.Floor(retryAfter);
        op.LastResponseAt = c.State.Now;
        return r;
    }

    /// <summary>202 Accepted with both headers: the shape of POST actions and DELETEs.</summary>
    public static ArmResponse Accepted(ArmContext c, LroOperation op) => ArmResponse.Accepted().WithHeaders(c, op, asyncOperation: op.Namespace is not null, location: true);

    // ---- poll endpoints ----------------------------------------------------------------------------
    public static void Map(ArmRouter router)
    {
        router.Get("/subscriptions/{sub}/providers/{ns}/locations/{loc}/operations/{id}", c => c.QueryIs("monitor", "true") ? Monitor(c) : StatusBody(c));
        router.Get("/subscriptions/{sub}/providers/{ns}/locations/{loc}/operationResults/{id}", Monitor);
        router.Get("/subscriptions/{sub}/providers/{ns}/locations/{loc}/operationStatuses/{id}", StatusBody);
        router.Get("/subscriptions/{sub}/operationresults/{id}", Monitor);
    }

    private static LroOperation Lookup(ArmContext c)
    {
        if (!c.State.Operations.TryGetValue(c.R("id"), out var op))
            throw new ArmError(404, "NotFound", $"The operation '{c.R("id")}' could not be found.").AsException();
        c.PolledOperation = op;
        c.PreviousRetryAfter = op.LastRetryAfter;
        c.SecondsSincePrevious = op.LastResponseAt is DateTimeOffset t ? (c.State.Now - t).TotalSeconds : null;
        return op;
    }

    /// <summary>Azure-AsyncOperation URL: always 200 with the status body.</summary>
    private static ArmResponse StatusBody(ArmContext c)
    {
        var op = Lookup(c);
        var body = new JsonObject
        {
            ["name"] = op.Id,
            ["status"] = op.Status,
            ["startTime"] = Json.Timestamp(op.StartTime),
        };
        if (op.EndTime is DateTimeOffset end) body["endTime"] = Json.Timestamp(end);
        if (op.Error is not null) body["error"] = op.Error.ToErrorObject();
        return StampRetryAfter(ArmResponse.Ok(body), c, op);
    }

    /// <summary>Location URL: 202 while running, then the final result (or the error with its status).</summary>
    private static ArmResponse Monitor(ArmContext c)
    {
        var op = Lookup(c);
        if (!op.Done)
        {
            var running = ArmResponse.Accepted();
            running.Headers["Location"] = LocationUrl(c, op);
            return StampRetryAfter(running, c, op);
        }
        if (op.Error is not null) return StampRetryAfter(ArmResponse.Error(op.Error), c, op);
        return StampRetryAfter(op.FinalResult?.Invoke() ?? ArmResponse.Ok(null), c, op);
    }
}
