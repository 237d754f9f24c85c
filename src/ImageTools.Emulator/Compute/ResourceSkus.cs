using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ImageTools.Emulator.Arm;
using ImageTools.Emulator.State;

namespace ImageTools.Emulator.Compute;

/// <summary>
/// Resource SKUs (2021-07-01): GET /subscriptions/{sub}/providers/Microsoft.Compute/skus, optionally
/// <c>$filter=location eq '&lt;location&gt;'</c>. One virtualMachines entry per size of the emulator's
/// catalogue, offered in every known region, with the capabilities ARM lists; HyperVGenerations is
/// the same rule a VM PUT enforces (a size without a generation refuses an image of it).
/// </summary>
internal static class ResourceSkus
{
    private static readonly Regex LocationFilter = new(@"^\s*location\s+eq\s+'(?<loc>[^']*)'\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public static void Map(ArmRouter r) => r.Get("/subscriptions/{sub}/providers/Microsoft.Compute/skus", c =>
    {
        var filter = c.Q("$filter");
        IEnumerable<string> locations = Regions.All.Select(x => x.Name);
        if (!string.IsNullOrWhiteSpace(filter))
        {
            var m = LocationFilter.Match(filter);
            if (!m.Success)
                throw ArmErrors.InvalidParameter($"The filter '{filter}' is not supported. Only \"location eq '<location>'\" is.", "$filter").AsException();
            var wanted = Regions.Normalize(m.Groups["loc"].Value);
            locations = locations.Where(l => l == wanted).ToList();
        }
        var list = locations.ToList();
        if (list.Count == 0) return ArmResponse.List(c, Array.Empty<JsonNode>());
        return ArmResponse.List(c, list.SelectMany(l => VmSizes.All.Select(s => Render(s, l))));
    });

    /// <summary>One SKU entry as ARM lists it: per location when filtered, as the resource-skus API does.</summary>
    public static JsonNode Render(VmSize s, string location)
    {
        var generations = string.Join(",", new[] { s.Gen1 ? "V1" : null, s.Gen2 ? "V2" : null }.Where(g => g is not null));
        var premium = PremiumIO(s.Name);
        var capabilities = new JsonArray
        {
            Cap("MaxResourceVolumeMB", s.ResourceDiskMb.ToString(CultureInfo.InvariantCulture)),
            Cap("OSVhdSizeMB", "1047552"),
            Cap("vCPUs", s.Cores.ToString(CultureInfo.InvariantCulture)),
            Cap("MemoryPreservingMaintenanceSupported", "True"),
            Cap("HyperVGenerations", generations),
            Cap("MemoryGB", (s.MemoryMb / 1024.0).ToString("0.##", CultureInfo.InvariantCulture)),
            Cap("MaxDataDiskCount", s.MaxDataDisks.ToString(CultureInfo.InvariantCulture)),
            Cap("CpuArchitectureType", "x64"),
            Cap("LowPriorityCapable", "True"),
            Cap("PremiumIO", premium ? "True" : "False"),
            Cap("VMDeploymentTypes", "IaaS"),
            Cap("vCPUsAvailable", s.Cores.ToString(CultureInfo.InvariantCulture)),
            Cap("EphemeralOSDiskSupported", premium && s.ResourceDiskMb > 0 ? "True" : "False"),
            Cap("EncryptionAtHostSupported", "True"),
            Cap("AcceleratedNetworkingEnabled", s.Cores >= 2 && !s.Name.StartsWith("Standard_B", StringComparison.OrdinalIgnoreCase) ? "True" : "False"),
            Cap("RdmaEnabled", "False"),
            Cap("MaxNetworkInterfaces", Math.Max(2, s.Cores).ToString(CultureInfo.InvariantCulture)),
        };
        if (s.Confidential) capabilities.Add(Cap("ConfidentialComputingType", "SNP"));
        // Trusted Launch needs Gen2; ARM marks the sizes that cannot run it.
        if (!s.Gen2 || s.Confidential) capabilities.Add(Cap("TrustedLaunchDisabled", "True"));
        return new JsonObject
        {
            ["resourceType"] = "virtualMachines",
            ["name"] = s.Name,
            ["tier"] = "Standard",
            ["size"] = s.Name.StartsWith("Standard_", StringComparison.Ordinal) ? s.Name["Standard_".Length..] : s.Name,
            ["family"] = s.Family,
            ["locations"] = new JsonArray(location),
            ["locationInfo"] = new JsonArray(new JsonObject
            {
                ["location"] = location,
                ["zones"] = new JsonArray("1", "2", "3"),
                ["zoneDetails"] = new JsonArray(),
            }),
            ["capabilities"] = capabilities,
            ["restrictions"] = new JsonArray(),
        };
    }

    private static JsonObject Cap(string name, string value) => new() { ["name"] = name, ["value"] = value };

    /// <summary>Premium storage: the "s" feature letter (B1s, D2s_v3, D2as_v5) or the DS/GS series.</summary>
    private static bool PremiumIO(string name)
    {
        var size = name.StartsWith("Standard_", StringComparison.Ordinal) ? name["Standard_".Length..] : name;
        var series = size.Split('_')[0];
        if (series.StartsWith("DS", StringComparison.Ordinal) || series.StartsWith("GS", StringComparison.Ordinal)) return true;
        var features = Regex.Match(series, @"^[A-Z]+\d+(?<f>[a-z]*)$").Groups["f"].Value;
        return features.Contains('s');
    }
}
