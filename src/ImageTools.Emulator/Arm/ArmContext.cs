using System.Text.Json;
using System.Text.Json.Nodes;
using ImageTools.Emulator.State;

namespace ImageTools.Emulator.Arm;

/// <summary>One ARM request as a handler sees it.</summary>
internal sealed class ArmContext
{
    private JsonNode? _body;
    private bool _parsed;

    public required string Method { get; init; }
    public required string Path { get; init; }
    public required Dictionary<string, string> Query { get; init; }
    public required string? RawBody { get; init; }
    public required EmulatorState State { get; init; }
    /// <summary>https://127.0.0.1:port/</summary>
    public required Uri BaseUri { get; init; }
    public Dictionary<string, string> Route { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public string ApiVersion => Q("api-version") ?? "";
    public string R(string name) => Route[name];
    public string? Q(string name) => Query.TryGetValue(name, out var v) ? v : null;
    public bool QueryIs(string name, string value) => string.Equals(Q(name), value, StringComparison.OrdinalIgnoreCase);

    /// <summary>Set by poll handlers so the request log can mark the request.</summary>
    public LroOperation? PolledOperation { get; set; }
    public double? PreviousRetryAfter { get; set; }
    public double? SecondsSincePrevious { get; set; }

    /// <summary>The JSON body; 400 InvalidRequestContent when missing or malformed.</summary>
    public JsonObject Body
    {
        get
        {
            var node = BodyOrNull;
            if (node is null) throw ArmErrors.MissingBody().AsException();
            return node;
        }
    }

    public JsonObject? BodyOrNull
    {
        get
        {
            if (!_parsed)
            {
                _parsed = true;
                if (!string.IsNullOrWhiteSpace(RawBody))
                {
                    try { _body = Json.Parse(RawBody); Materialize(_body); }
                    catch (JsonException e) { throw ArmErrors.InvalidRequestContent(e.Message).AsException(); }
                    // Property names are case-insensitive, so "a" and "A" in one object are the same property twice.
                    catch (ArgumentException e) { throw ArmErrors.InvalidRequestContent("The request body has a duplicate property name (names are case-insensitive): " + e.Message).AsException(); }
                    if (_body is not JsonObject) throw ArmErrors.InvalidRequestContent("The request body must be a JSON object.").AsException();
                }
            }
            return _body as JsonObject;
        }
    }

    /// <summary>Builds every object's property table now (JsonNode does it lazily), so duplicate names surface here.</summary>
    private static void Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o: foreach (var (_, child) in o) Materialize(child); break;
            case JsonArray a: foreach (var child in a) Materialize(child); break;
        }
    }
}

/// <summary>What a handler answers.</summary>
internal sealed class ArmResponse
{
    public int Status { get; init; }
    public JsonNode? Body { get; init; }
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Bodies are deep-copied at construction so later state changes cannot leak into them.</summary>
    public static ArmResponse Json(int status, JsonNode? body) => new() { Status = status, Body = body?.DeepClone() };
    public static ArmResponse Ok(JsonNode? body) => Json(200, body);
    public static ArmResponse Created(JsonNode? body) => Json(201, body);
    public static ArmResponse Accepted(JsonNode? body = null) => Json(202, body);
    public static ArmResponse NoContent() => new() { Status = 204 };
    public static ArmResponse Error(ArmError e) => new() { Status = e.Status, Body = e.ToEnvelope() };

    /// <summary>ARM's list shape for lists that never page: {"value":[…]}.</summary>
    public static ArmResponse List(IEnumerable<JsonNode> items) => Ok(new JsonObject { ["value"] = new JsonArray(items.Select(i => i.DeepClone()).ToArray()) });

    /// <summary>
    /// ARM's pageable list: {"value":[…], "nextLink"} with at most the configured page size per page.
    /// The nextLink repeats the request's path and query (api-version included, as clients send it
    /// verbatim) with <c>$skiptoken</c> set to the offset of the next page.
    /// </summary>
    public static ArmResponse List(ArmContext c, IEnumerable<JsonNode> items)
    {
        var all = items.ToList();
        var skip = int.TryParse(c.Q("$skiptoken"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s) ? Math.Min(s, all.Count) : 0;
        var size = Math.Max(1, c.State.PageSize);
        var body = new JsonObject { ["value"] = new JsonArray(all.Skip(skip).Take(size).Select(i => i.DeepClone()).ToArray()) };
        if (skip + size < all.Count)
        {
            var query = c.Query.Where(q => !q.Key.Equals("$skiptoken", StringComparison.OrdinalIgnoreCase))
                .Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value))
                .Append("%24skiptoken=" + (skip + size).ToString(System.Globalization.CultureInfo.InvariantCulture));
            body["nextLink"] = c.BaseUri + c.Path.TrimStart('/') + "?" + string.Join("&", query);
        }
        return Ok(body);
    }
}

internal delegate ArmResponse ArmHandler(ArmContext context);

/// <summary>Template router: literal segments compare case-insensitively, {x} captures one segment.</summary>
internal sealed class ArmRouter
{
    private sealed record Route(string Method, string[] Segments, ArmHandler Handler, int Literals);
    private readonly List<Route> _routes = new();

    public void Map(string method, string template, ArmHandler handler)
    {
        var segments = template.Trim('/').Split('/');
        _routes.Add(new Route(method.ToUpperInvariant(), segments, handler, segments.Count(s => !s.StartsWith('{'))));
        _routes.Sort((a, b) => b.Literals.CompareTo(a.Literals));
    }

    public void Get(string t, ArmHandler h) => Map("GET", t, h);
    public void Put(string t, ArmHandler h) => Map("PUT", t, h);
    public void Post(string t, ArmHandler h) => Map("POST", t, h);
    public void Delete(string t, ArmHandler h) => Map("DELETE", t, h);
    public void Patch(string t, ArmHandler h) => Map("PATCH", t, h);
    public void Head(string t, ArmHandler h) => Map("HEAD", t, h);

    /// <summary>Returns the handler, or null with <paramref name="pathKnown"/> telling whether another method would match.</summary>
    public ArmHandler? Match(string method, string[] pathSegments, out Dictionary<string, string> values, out bool pathKnown)
    {
        pathKnown = false;
        values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var route in _routes)
        {
            if (route.Segments.Length != pathSegments.Length) continue;
            var captured = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var ok = true;
            for (var i = 0; i < route.Segments.Length && ok; i++)
            {
                var t = route.Segments[i];
                if (t.StartsWith('{')) { if (pathSegments[i].Length == 0) ok = false; else captured[t.Trim('{', '}')] = pathSegments[i]; }
                else ok = t.Equals(pathSegments[i], StringComparison.OrdinalIgnoreCase);
            }
            if (!ok) continue;
            pathKnown = true;
            if (route.Method != method) continue;
            values = captured;
            return route.Handler;
        }
        return null;
    }
}
