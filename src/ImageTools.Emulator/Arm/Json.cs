using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ImageTools.Emulator.Arm;

/// <summary>Small helpers over System.Text.Json.Nodes used by every handler.</summary>
internal static class Json
{
    /// <summary>ARM treats property names case-insensitively; so do parsed request bodies.</summary>
    public static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = true };

    public static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = false,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static JsonNode? Parse(string text) => JsonNode.Parse(text, NodeOptions);

    /// <summary>Deep copy that keeps case-insensitive lookups.</summary>
    public static JsonObject CloneObject(JsonNode? node) =>
        node is JsonObject o ? (JsonObject)Parse(o.ToJsonString())! : new JsonObject(NodeOptions);

    public static JsonObject NewObject() => new(NodeOptions);

    public static JsonNode? At(this JsonNode? node, params string[] path)
    {
        var current = node;
        foreach (var segment in path)
        {
            if (current is not JsonObject obj || !obj.TryGetPropertyValue(segment, out current)) return null;
        }
        return current;
    }

    public static string? Str(this JsonNode? node, params string[] path)
    {
        var value = node.At(path);
        if (value is JsonValue v)
        {
            if (v.TryGetValue<string>(out var s)) return s;
            if (v.TryGetValue<bool>(out var b)) return b ? "true" : "false";
            if (v.TryGetValue<double>(out var d)) return d.ToString(CultureInfo.InvariantCulture);
        }
        return null;
    }

    public static bool? Bool(this JsonNode? node, params string[] path)
    {
        var value = node.At(path);
        if (value is JsonValue v)
        {
            if (v.TryGetValue<bool>(out var b)) return b;
            if (v.TryGetValue<string>(out var s) && bool.TryParse(s, out var p)) return p;
        }
        return null;
    }

    public static long? Long(this JsonNode? node, params string[] path)
    {
        var value = node.At(path);
        if (value is JsonValue v)
        {
            if (v.TryGetValue<long>(out var l)) return l;
            if (v.TryGetValue<double>(out var d) && Math.Abs(d % 1) < double.Epsilon) return (long)d;
            if (v.TryGetValue<string>(out var s) && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p)) return p;
        }
        return null;
    }

    public static JsonObject Obj(this JsonObject parent, string name)
    {
        if (parent[name] is JsonObject existing) return existing;
        var created = NewObject();
        parent[name] = created;
        return created;
    }

    public static IEnumerable<JsonObject> Objects(this JsonNode? node, params string[] path) =>
        node.At(path) is JsonArray a ? a.OfType<JsonObject>() : Enumerable.Empty<JsonObject>();

    public static string Timestamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'+00:00'", CultureInfo.InvariantCulture);
}
