using System.Text.Json.Nodes;
using ImageTools.Emulator.Arm;
using ImageTools.Emulator.State;

namespace ImageTools.Emulator.Compute;

/// <summary>Regional vCPU usage and quota; a VM create or start over quota is refused like ARM.</summary>
internal static class Usages
{
    public const long DefaultCoresLimit = 1000;
    public const long DefaultFamilyLimit = 1000;
    public const long DefaultVmLimit = 25000;

    public static long Limit(EmulatorState state, string location, string name)
    {
        if (state.Quotas.TryGetValue(location, out var quotas) && quotas.TryGetValue(name, out var limit)) return limit;
        return name.Equals("cores", StringComparison.OrdinalIgnoreCase) ? DefaultCoresLimit
            : name.Equals("virtualMachines", StringComparison.OrdinalIgnoreCase) ? DefaultVmLimit : DefaultFamilyLimit;
    }

    private static IEnumerable<VmRuntime> Holding(EmulatorState state, string location) =>
        state.OfType(VirtualMachines.Type).Concat(state.OfType(ScaleSets.InstanceType))
            .Where(v => v.Location == location && v.Vm is { HoldsCores: true } && v.ProvisioningState != "Failed").Select(v => v.Vm!);

    /// <summary>Refuses <paramref name="count"/> more VMs of <paramref name="size"/> (scale set instances count as VMs) beyond the family and regional vCPU limits.</summary>
    public static void EnsureQuota(EmulatorState state, string location, VmSize size, VmSize? replacing = null, int count = 1)
    {
        if (count <= 0) return;
        var holding = Holding(state, location).ToList();
        var familyUsage = holding.Where(v => v.Size.Family == size.Family).Sum(v => v.Size.Cores) - (replacing?.Family == size.Family ? replacing.Cores : 0);
        var familyLimit = Limit(state, location, size.Family);
        if (familyUsage + size.Cores * count > familyLimit)
            throw ArmErrors.QuotaExceeded(size.FamilyDisplay.Replace(" vCPUs", "", StringComparison.Ordinal) + " Cores", location, familyLimit, familyUsage, size.Cores * count).AsException();
        var coreUsage = holding.Sum(v => v.Size.Cores) - (replacing?.Cores ?? 0);
        var coreLimit = Limit(state, location, "cores");
        if (coreUsage + size.Cores * count > coreLimit)
            throw ArmErrors.QuotaExceeded("Total Regional Cores", location, coreLimit, coreUsage, size.Cores * count).AsException();
    }

    public static JsonArray Render(EmulatorState state, string location)
    {
        var holding = Holding(state, location).ToList();
        var vmCount = state.OfType(VirtualMachines.Type).Concat(state.OfType(ScaleSets.InstanceType)).Count(v => v.Location == location);
        JsonNode Usage(string name, string localized, long current) => new JsonObject
        {
            ["limit"] = Limit(state, location, name),
            ["unit"] = "Count",
            ["currentValue"] = current,
            ["name"] = new JsonObject { ["value"] = name, ["localizedValue"] = localized },
        };
        var list = new JsonArray
        {
            Usage("availabilitySets", "Availability Sets", 0),
            Usage("cores", "Total Regional vCPUs", holding.Sum(v => v.Size.Cores)),
            Usage("virtualMachines", "Virtual Machines", vmCount),
            Usage("virtualMachineScaleSets", "Virtual Machine Scale Sets", 0),
        };
        foreach (var family in VmSizes.All.GroupBy(s => s.Family))
            list.Add(Usage(family.Key, family.First().FamilyDisplay, holding.Where(v => v.Size.Family == family.Key).Sum(v => v.Size.Cores)));
        var quotas = state.Quotas.TryGetValue(location, out var q) ? q : new Dictionary<string, long>();
        foreach (var extra in quotas.Keys.Where(k => !list.Any(u => u.Str("name", "value")!.Equals(k, StringComparison.OrdinalIgnoreCase))))
            list.Add(Usage(extra, extra, 0));
        return list;
    }
}

/// <summary>Location-scoped Compute reads: usages, vmSizes, marketplace image versions.</summary>
internal static class Locations
{
    private const string Loc = "/subscriptions/{sub}/providers/Microsoft.Compute/locations/{loc}";
    private const string Sku = Loc + "/publishers/{publisher}/artifacttypes/vmimage/offers/{offer}/skus/{sku}";

    public static void Map(ArmRouter r)
    {
        r.Get(Loc + "/usages", c => ArmResponse.Ok(new JsonObject { ["value"] = Usages.Render(c.State, RequireLocation(c)) }));
        r.Get(Loc + "/vmSizes", c =>
        {
            RequireLocation(c);
            return ArmResponse.List(VmSizes.All.Select(s => (JsonNode)new JsonObject
            {
                ["name"] = s.Name, ["numberOfCores"] = s.Cores, ["osDiskSizeInMB"] = 1047552, ["resourceDiskSizeInMB"] = s.ResourceDiskMb,
                ["memoryInMB"] = s.MemoryMb, ["maxDataDiskCount"] = s.MaxDataDisks,
            }));
        });
        r.Get(Sku + "/versions", c =>
        {
            var location = RequireLocation(c);
            var image = Marketplace.Find(c.R("publisher"), c.R("offer"), c.R("sku")) ?? throw ArmErrors.ArtifactNotFound(location).AsException();
            var items = image.Versions.Select(v => (JsonNode)new JsonObject { ["location"] = location, ["name"] = v, ["id"] = VersionId(c, image, location, v) });
            if (c.QueryIs("$orderby", "name desc")) items = items.Reverse();
            if (int.TryParse(c.Q("$top"), out var top)) items = items.Take(top);
            return ArmResponse.Ok(new JsonArray(items.ToArray()));
        });
        r.Get(Sku + "/versions/{version}", c =>
        {
            var location = RequireLocation(c);
            var image = Marketplace.Find(c.R("publisher"), c.R("offer"), c.R("sku")) ?? throw ArmErrors.ArtifactNotFound(location).AsException();
            var version = Marketplace.Resolve(image, c.R("version")) ?? throw ArmErrors.ArtifactNotFound(location).AsException();
            return ArmResponse.Ok(new JsonObject
            {
                ["properties"] = new JsonObject
                {
                    ["hyperVGeneration"] = image.HyperVGeneration,
                    ["architecture"] = "x64",
                    ["replicaType"] = "Managed",
                    ["osDiskImage"] = new JsonObject { ["operatingSystem"] = image.OsType, ["sizeInGb"] = image.OsType == "Windows" ? 127 : 30 },
                    ["dataDiskImages"] = new JsonArray(),
                    ["disallowed"] = new JsonObject { ["vmDiskType"] = "Unmanaged" },
                    ["features"] = new JsonArray(
                        new JsonObject { ["name"] = "SecurityType", ["value"] = image.ConfidentialSupported
                            ? (image.TrustedLaunchSupported ? "TrustedLaunchAndConfidentialVmSupported" : "ConfidentialVmSupported")
                            : image.TrustedLaunchSupported ? "TrustedLaunchSupported" : "Standard" },
                        new JsonObject { ["name"] = "IsAcceleratedNetworkSupported", ["value"] = "True" }),
                },
                ["location"] = location,
                ["name"] = version,
                ["id"] = VersionId(c, image, location, version),
            });
        });
    }

    private static string VersionId(ArmContext c, MarketplaceImage image, string location, string version) =>
        $"/Subscriptions/{c.State.SubscriptionId}/Providers/Microsoft.Compute/Locations/{location}/Publishers/{image.Publisher}/ArtifactTypes/VMImage/Offers/{image.Offer}/Skus/{image.Sku}/Versions/{version}";

    private static string RequireLocation(ArmContext c)
    {
        var location = Regions.Normalize(c.R("loc"));
        if (!Regions.IsKnown(location)) throw new ArmError(404, "NoRegisteredProviderFound", $"No registered resource provider found for location '{c.R("loc")}' and API version '{c.ApiVersion}' for type 'locations'.").AsException();
        return location;
    }
}
