namespace ImageTools.Emulator.State;

/// <summary>
/// A parsed ARM resource id: /subscriptions/{sub}/resourceGroups/{rg}/providers/{ns}/{type}/{name}[/{type}/{name}]*.
/// Ids in request bodies may lack the leading slash (as in some spec examples); both forms parse.
/// </summary>
internal sealed record ResourceId(string Subscription, string ResourceGroup, string Namespace, IReadOnlyList<(string Type, string Name)> Chain)
{
    public string Name => Chain[^1].Name;

    /// <summary>e.g. Microsoft.Compute/galleries/images</summary>
    public string FullType => Namespace + "/" + string.Join("/", Chain.Select(c => c.Type));

    public bool Is(string fullType) => string.Equals(FullType, fullType, StringComparison.OrdinalIgnoreCase);

    public string Format() => Build(Subscription, ResourceGroup, Namespace, Chain.ToArray());

    public ResourceId? Parent => Chain.Count > 1 ? this with { Chain = Chain.Take(Chain.Count - 1).ToArray() } : null;

    public static string Build(string sub, string rg, string ns, params (string Type, string Name)[] chain) =>
        $"/subscriptions/{sub}/resourceGroups/{rg}/providers/{ns}/" + string.Join("/", chain.Select(c => c.Type + "/" + c.Name));

    public static ResourceId? TryParse(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return null;
        var parts = id.Trim().Trim('/').Split('/');
        if (parts.Length < 8 || parts.Length % 2 != 0) return null;
        if (!parts[0].Equals("subscriptions", StringComparison.OrdinalIgnoreCase)) return null;
        if (!parts[2].Equals("resourceGroups", StringComparison.OrdinalIgnoreCase)) return null;
        if (!parts[4].Equals("providers", StringComparison.OrdinalIgnoreCase)) return null;
        if (parts.Any(string.IsNullOrEmpty)) return null;
        var chain = new List<(string, string)>();
        for (var i = 6; i + 1 < parts.Length; i += 2) chain.Add((parts[i], parts[i + 1]));
        return new ResourceId(parts[1], parts[3], parts[5], chain);
    }

    /// <summary>Lower-case key used by the store (ARM names are case-insensitive).</summary>
    public static string Key(string id) => "/" + id.Trim().Trim('/').ToLowerInvariant();
}
