namespace ImageTools.Emulator.Arm;

/// <summary>The 404 ARM gives for paths no handler serves.</summary>
internal static class Fallbacks
{
    private static readonly string[] KnownNamespaces = { "Microsoft.Compute", "Microsoft.Network", "Microsoft.Resources" };

    public static ArmError UnknownRoute(string[] segments, string apiVersion, string path)
    {
        var providers = Array.FindIndex(segments, s => s.Equals("providers", StringComparison.OrdinalIgnoreCase));
        if (providers >= 0 && providers + 1 < segments.Length)
        {
            var ns = segments[providers + 1];
            if (!KnownNamespaces.Contains(ns, StringComparer.OrdinalIgnoreCase)) return ArmErrors.InvalidResourceNamespace(ns);
            var typeParts = new List<string>();
            for (var i = providers + 2; i < segments.Length; i += 2) typeParts.Add(segments[i]);
            var type = typeParts.Count > 0 ? string.Join("/", typeParts) : ns;
            return ArmErrors.InvalidResourceType(ns, type, apiVersion);
        }
        return ArmErrors.NoRoute(path);
    }
}
