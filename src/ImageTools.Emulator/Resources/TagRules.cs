using System.Text.Json;
using System.Text.Json.Nodes;
using ImageTools.Emulator.Arm;

namespace ImageTools.Emulator.Resources;

/// <summary>
/// ARM's tag limits (azure-docs tag-resources.md, "Limitations"): at most 50 tag name/value pairs per
/// resource or resource group, names up to 512 characters without <c>&lt; &gt; % &amp; \ ? /</c> or
/// control characters, values up to 256 characters. Applied by the front door to the <c>tags</c> of
/// every PUT and PATCH, whatever the resource type, and to the tags of control-API seeds.
/// </summary>
internal static class TagRules
{
    public const int MaxTags = 50;
    public const int MaxNameLength = 512;
    public const int MaxValueLength = 256;
    private static readonly char[] Reserved = { '<', '>', '%', '&', '\\', '?', '/' };

    /// <summary>Refuses tags ARM refuses; absent or null tags pass.</summary>
    public static void Validate(JsonNode? tags)
    {
        if (tags is null) return;
        if (tags is not JsonObject map)
            throw ArmErrors.InvalidRequestContent("The 'tags' property must be a JSON object of tag names to string values.").AsException();
        foreach (var (name, value) in map)
        {
            if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
                throw ArmErrors.InvalidRequestContent($"The value of tag '{name}' must be a string.").AsException();
        }
        if (map.Count > MaxTags) throw ArmErrors.TooManyTags(map.Count, MaxTags).AsException();
        if (map.Any(t => string.IsNullOrWhiteSpace(t.Key))) throw ArmErrors.TagNameEmpty().AsException();

        var reserved = map.Select(t => t.Key).Where(n => n.IndexOfAny(Reserved) >= 0 || n.Any(char.IsControl)).ToList();
        if (reserved.Count > 0) throw ArmErrors.TagNameCharacters(reserved).AsException();
        var longNames = map.Select(t => t.Key).Where(n => n.Length > MaxNameLength).ToList();
        if (longNames.Count > 0) throw ArmErrors.TagNameTooLong(longNames, MaxNameLength).AsException();
        var longValues = map.Select(t => t.Value!.GetValue<string>()).Where(v => v.Length > MaxValueLength).ToList();
        if (longValues.Count > 0) throw ArmErrors.TagValueTooLong(longValues, MaxValueLength).AsException();
    }
}
