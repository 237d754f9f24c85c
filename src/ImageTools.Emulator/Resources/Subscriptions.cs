using System.Text.Json.Nodes;
using ImageTools.Emulator.Arm;
using ImageTools.Emulator.State;

namespace ImageTools.Emulator.Resources;

/// <summary>Microsoft.Resources reads the SDK may make: subscriptions, tenants, locations, providers.</summary>
internal static class Subscriptions
{
    private static readonly (string Ns, (string Type, string[] Versions)[] Types)[] Providers =
    {
        ("Microsoft.Compute", new[]
        {
            ("virtualMachines", new[] { "2023-07-01", "2023-03-01", "2022-11-01" }),
            ("virtualMachines/runCommands", new[] { "2023-07-01", "2023-03-01" }),
            ("images", new[] { "2023-07-01", "2023-03-01" }),
            ("disks", new[] { "2023-04-02", "2023-01-02" }),
            ("snapshots", new[] { "2023-04-02", "2023-01-02" }),
            ("galleries", new[] { "2022-03-03", "2022-01-03" }),
            ("galleries/images", new[] { "2022-03-03", "2022-01-03" }),
            ("galleries/images/versions", new[] { "2022-03-03", "2022-01-03" }),
            ("locations", new[] { "2023-07-01" }),
            ("locations/operations", new[] { "2023-07-01", "2023-04-02", "2022-03-03" }),
            ("locations/usages", new[] { "2023-07-01" }),
            ("locations/vmSizes", new[] { "2023-07-01" }),
            ("skus", new[] { "2021-07-01" }),
        }),
        ("Microsoft.Network", new[]
        {
            ("virtualNetworks", new[] { "2023-09-01", "2023-06-01", "2023-05-01" }),
            ("virtualNetworks/subnets", new[] { "2023-09-01", "2023-06-01" }),
            ("networkInterfaces", new[] { "2023-09-01", "2023-06-01", "2023-05-01" }),
            ("publicIPAddresses", new[] { "2023-09-01", "2023-06-01", "2023-05-01" }),
            ("networkSecurityGroups", new[] { "2023-09-01", "2023-06-01", "2023-05-01" }),
            ("locations/operations", new[] { "2023-09-01" }),
            ("locations/operationResults", new[] { "2023-09-01" }),
        }),
        ("Microsoft.Storage", new[]
        {
            ("storageAccounts", new[] { "2023-05-01", "2023-01-01" }),
        }),
        ("Microsoft.Resources", new[]
        {
            ("resourceGroups", new[] { "2022-09-01", "2021-04-01" }),
            ("subscriptions", new[] { "2022-12-01", "2021-01-01" }),
            ("providers", new[] { "2022-09-01", "2021-04-01" }),
        }),
    };

    public static void Map(ArmRouter r)
    {
        r.Get("/subscriptions", c => ArmResponse.Ok(new JsonObject
        {
            ["value"] = new JsonArray(Subscription(c)),
            ["count"] = new JsonObject { ["type"] = "Total", ["value"] = 1 },
        }));
        r.Get("/subscriptions/{sub}", c => ArmResponse.Ok(Subscription(c)));
        r.Get("/tenants", c => ArmResponse.List(new[] { new JsonObject
        {
            ["id"] = "/tenants/" + c.State.TenantId, ["tenantId"] = c.State.TenantId, ["tenantCategory"] = "Home",
            ["displayName"] = "Emulator Tenant", ["defaultDomain"] = "emulator.onmicrosoft.com",
        } }));
        r.Get("/subscriptions/{sub}/locations", c => ArmResponse.List(Regions.All.Select(reg => (JsonNode)new JsonObject
        {
            ["id"] = $"/subscriptions/{c.State.SubscriptionId}/locations/{reg.Name}",
            ["name"] = reg.Name,
            ["displayName"] = reg.DisplayName,
            ["regionalDisplayName"] = $"({reg.Geography}) {reg.DisplayName}",
            ["type"] = "Region",
            ["metadata"] = new JsonObject
            {
                ["regionType"] = "Physical", ["regionCategory"] = "Recommended", ["geographyGroup"] = reg.Geography,
                ["physicalLocation"] = reg.DisplayName, ["pairedRegion"] = new JsonArray(),
            },
        })));
        r.Get("/subscriptions/{sub}/providers", c => ArmResponse.List(Providers.Select(p => Provider(p.Ns, c.State.SubscriptionId))));
        r.Get("/providers", c => ArmResponse.List(Providers.Select(p => Provider(p.Ns, null))));
        r.Get("/subscriptions/{sub}/providers/{ns}", c => ArmResponse.Ok(Provider(c.R("ns"), c.State.SubscriptionId)));
        r.Get("/providers/{ns}", c => ArmResponse.Ok(Provider(c.R("ns"), null)));
        r.Post("/subscriptions/{sub}/providers/{ns}/register", c => ArmResponse.Ok(Provider(c.R("ns"), c.State.SubscriptionId)));
    }

    private static JsonObject Subscription(ArmContext c) => new()
    {
        ["id"] = "/subscriptions/" + c.State.SubscriptionId,
        ["subscriptionId"] = c.State.SubscriptionId,
        ["tenantId"] = c.State.TenantId,
        ["displayName"] = "ImageTools Emulator",
        ["state"] = "Enabled",
        ["subscriptionPolicies"] = new JsonObject { ["locationPlacementId"] = "Public_2014-09-01", ["quotaId"] = "PayAsYouGo_2014-09-01", ["spendingLimit"] = "Off" },
        ["authorizationSource"] = "RoleBased",
        ["managedByTenants"] = new JsonArray(),
        ["tags"] = new JsonObject(),
    };

    private static JsonObject Provider(string ns, string? sub)
    {
        var known = Providers.FirstOrDefault(p => p.Ns.Equals(ns, StringComparison.OrdinalIgnoreCase));
        if (known.Ns is null) throw ArmErrors.InvalidResourceNamespace(ns).AsException();
        var locations = new JsonArray(Regions.All.Select(x => (JsonNode)JsonValue.Create(x.DisplayName)!).ToArray());
        var body = new JsonObject
        {
            ["id"] = (sub is null ? "" : "/subscriptions/" + sub) + "/providers/" + known.Ns,
            ["namespace"] = known.Ns,
            ["registrationState"] = "Registered",
            ["registrationPolicy"] = "RegistrationRequired",
            ["resourceTypes"] = new JsonArray(known.Types.Select(t => (JsonNode)new JsonObject
            {
                ["resourceType"] = t.Type,
                ["locations"] = locations.DeepClone(),
                ["apiVersions"] = new JsonArray(t.Versions.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray()),
                ["defaultApiVersion"] = t.Versions[0],
                ["capabilities"] = "None",
            }).ToArray()),
        };
        return body;
    }
}
