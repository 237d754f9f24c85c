using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ImageTools.Emulator.Arm;
using ImageTools.Emulator.State;

namespace ImageTools.Emulator.Resources;

/// <summary>Microsoft.Resources/resourceGroups: PUT, GET, HEAD, PATCH, DELETE (LRO), list; the resources of a group or of the subscription, optionally of one type.</summary>
internal static class ResourceGroups
{
    private const string Path = "/subscriptions/{sub}/resourcegroups/{rg}";
    private static readonly Regex ResourceTypeFilter = new(@"^\s*resourceType\s+eq\s+'(?<type>[^']+)'\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public static void Map(ArmRouter r)
    {
        r.Get("/subscriptions/{sub}/resourcegroups", c => ArmResponse.List(c, c.State.ResourceGroups.Values.OrderBy(g => g.Name).Select(g => Render(c, g))));
        r.Put(Path, Put);
        r.Patch(Path, Patch);
        r.Get(Path, c => ArmResponse.Ok(Render(c, c.State.RequireResourceGroup(c.R("rg")))));
        r.Head(Path, c => c.State.ResourceGroups.ContainsKey(c.R("rg")) ? ArmResponse.NoContent() : new ArmResponse { Status = 404 });
        r.Delete(Path, Delete);
        r.Get("/subscriptions/{sub}/resourcegroups/{rg}/resources", c =>
        {
            var group = c.State.RequireResourceGroup(c.R("rg"));
            var type = TypeFilter(c.Q("$filter"));
            return ArmResponse.List(c, c.State.Resources.Values
                .Where(x => x.Rid.Chain.Count == 1 && x.Rid.ResourceGroup.Equals(group.Name, StringComparison.OrdinalIgnoreCase))
                .Where(x => type is null || x.Rid.FullType.Equals(type, StringComparison.OrdinalIgnoreCase))
                .OrderBy(x => x.Created)
                .Select(RenderListed));
        });
        // Resources - List: every top-level resource of the subscription, in the same shape.
        r.Get("/subscriptions/{sub}/resources", c =>
        {
            var type = TypeFilter(c.Q("$filter"));
            return ArmResponse.List(c, c.State.Resources.Values
                .Where(x => x.Rid.Chain.Count == 1)
                .Where(x => type is null || x.Rid.FullType.Equals(type, StringComparison.OrdinalIgnoreCase))
                .OrderBy(x => x.Created)
                .Select(RenderListed));
        });
    }

    /// <summary>
    /// The resource type of ARM's <c>$filter=resourceType eq '&lt;namespace/type&gt;'</c> (compared ignoring case); null
    /// without a filter. Other filters are refused as InvalidParameter rather than ignored.
    /// </summary>
    private static string? TypeFilter(string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter)) return null;
        var m = ResourceTypeFilter.Match(filter);
        if (!m.Success)
            throw ArmErrors.InvalidParameter($"The filter '{filter}' is not supported. Only \"resourceType eq '<namespace>/<type>'\" is.", "$filter").AsException();
        return m.Groups["type"].Value;
    }

    /// <summary>A resource as Resources - List shows it: id, name, type, location, tags (no properties).</summary>
    private static JsonNode RenderListed(ArmResource x) =>
        new JsonObject { ["id"] = x.Id, ["name"] = x.Name, ["type"] = x.Rid.FullType, ["location"] = x.Location, ["tags"] = x.Body["tags"]?.DeepClone() };

    private static JsonObject Render(ArmContext c, ResourceGroup g) => new()
    {
        ["id"] = $"/subscriptions/{c.State.SubscriptionId}/resourceGroups/{g.Name}",
        ["name"] = g.Name,
        ["type"] = "Microsoft.Resources/resourceGroups",
        ["location"] = g.Location,
        ["tags"] = g.Tags.DeepClone(),
        ["properties"] = new JsonObject { ["provisioningState"] = g.ProvisioningState },
    };

    private static void ValidateName(string rg)
    {
        if (rg.Length is 0 or > 90 || rg.EndsWith('.') || !rg.All(ch => char.IsLetterOrDigit(ch) || ch is '_' or '-' or '.' or '(' or ')'))
            throw ArmErrors.InvalidResourceGroupName(rg).AsException();
    }

    private static ArmResponse Put(ArmContext c)
    {
        var name = c.R("rg");
        ValidateName(name);
        var body = c.Body;
        var location = Tracked.RequireLocation(body, "Microsoft.Resources/resourceGroups");
        if (c.State.ResourceGroups.TryGetValue(name, out var existing))
        {
            if (existing.ProvisioningState == "Deleting")
                throw new ArmError(409, "ResourceGroupBeingDeleted", $"The resource group '{existing.Name}' is in deprovisioning state and cannot perform this operation.").AsException();
            if (existing.Location != location)
                throw new ArmError(409, "InvalidResourceGroupLocation", $"Invalid resource group location '{location}'. The Resource group already exists in location '{existing.Location}'.").AsException();
            existing.Tags = Tracked.Tags(body);
            return ArmResponse.Ok(Render(c, existing));
        }
        var group = new ResourceGroup { Name = name, Location = location, Tags = Tracked.Tags(body) };
        c.State.ResourceGroups[name] = group;
        return ArmResponse.Created(Render(c, group));
    }

    private static ArmResponse Patch(ArmContext c)
    {
        var group = c.State.RequireResourceGroup(c.R("rg"));
        if (c.Body["tags"] is JsonObject tags) group.Tags = (JsonObject)tags.DeepClone();
        return ArmResponse.Ok(Render(c, group));
    }

    private static ArmResponse Delete(ArmContext c)
    {
        var group = c.State.RequireResourceGroup(c.R("rg"));
        group.ProvisioningState = "Deleting";
        var op = Lro.Start(c, "resourceGroupDelete", null, group.Location, () =>
        {
            foreach (var resource in c.State.Resources.Values.Where(x => x.Rid.ResourceGroup.Equals(group.Name, StringComparison.OrdinalIgnoreCase)).ToList())
                c.State.Remove(resource);
            c.State.ResourceGroups.Remove(group.Name);
        }, _ => group.ProvisioningState = "Succeeded");
        return Lro.Accepted(c, op);
    }
}
