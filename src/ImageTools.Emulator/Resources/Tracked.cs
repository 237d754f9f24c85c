using System.Text.Json.Nodes;
using ImageTools.Emulator.Arm;
using ImageTools.Emulator.State;

namespace ImageTools.Emulator.Resources;

/// <summary>Shared mechanics of tracked resources: body shape, lookup with ARM's 404s, PUT/DELETE as LROs.</summary>
internal static class Tracked
{
    /// <summary>Id of the resource a route addresses, using the resource group's stored casing when it exists.</summary>
    public static ResourceId RouteId(ArmContext c, string ns, params string[] typeAndRouteKeys)
    {
        var chain = new List<(string, string)>();
        for (var i = 0; i + 1 < typeAndRouteKeys.Length; i += 2) chain.Add((typeAndRouteKeys[i], c.R(typeAndRouteKeys[i + 1])));
        return new ResourceId(c.State.SubscriptionId, c.State.CanonicalResourceGroupName(c.R("rg")), ns, chain);
    }

    /// <summary>Display form used in ResourceNotFound: Microsoft.Compute/galleries/g/images/i.</summary>
    public static string TypeAndName(ResourceId rid) => rid.Namespace + "/" + string.Join("/", rid.Chain.Select(x => x.Type + "/" + x.Name));

    /// <summary>The resource, or ResourceGroupNotFound / ParentResourceNotFound / ResourceNotFound.</summary>
    public static ArmResource Require(ArmContext c, ResourceId rid)
    {
        c.State.RequireResourceGroup(rid.ResourceGroup);
        RequireParents(c, rid);
        return c.State.Find(rid) ?? throw ArmErrors.ResourceNotFound(TypeAndName(rid), rid.ResourceGroup).AsException();
    }

    public static void RequireParents(ArmContext c, ResourceId rid)
    {
        for (var parent = rid.Parent; parent is not null; parent = parent.Parent)
        {
            if (c.State.Find(parent) is null) throw ArmErrors.ParentResourceNotFound(parent.Name).AsException();
        }
    }

    /// <summary>Validates and normalises the location of a PUT body.</summary>
    public static string RequireLocation(JsonObject body, string fullType, string? fallback = null)
    {
        var raw = body.Str("location") ?? fallback;
        if (string.IsNullOrWhiteSpace(raw)) throw ArmErrors.MissingLocation().AsException();
        var location = Regions.Normalize(raw);
        if (!Regions.IsKnown(location)) throw ArmErrors.LocationNotAvailable(raw, fullType, Regions.All.Select(r => r.DisplayName)).AsException();
        return location;
    }

    public static JsonObject Tags(JsonObject body) => body["tags"] is JsonObject t ? (JsonObject)t.DeepClone() : new JsonObject();

    /// <summary>{id, name, type, location, tags, properties} in ARM's order.</summary>
    public static JsonObject NewBody(ResourceId rid, string location, JsonObject tags, JsonObject properties)
    {
        var body = Json.NewObject();
        body["id"] = rid.Format();
        body["name"] = rid.Name;
        body["type"] = rid.FullType;
        body["location"] = location;
        body["tags"] = tags;
        body["properties"] = properties;
        return body;
    }

    /// <summary>
    /// Answers a create/update PUT as ARM does: non-terminal provisioningState in the body, an
    /// Azure-AsyncOperation header, completion (provisioningState Succeeded) when the operation ends.
    /// </summary>
    public static ArmResponse PutLro(ArmContext c, ArmResource resource, bool created, string kind, int createdStatus = 201,
        Action? onSucceeded = null, ArmError? plannedFailure = null, Action<ArmError>? onFailed = null)
    {
        resource.ProvisioningState = created ? "Creating" : "Updating";
        var op = Lro.Start(c, kind, resource.Rid.Namespace, resource.Location, () =>
        {
            onSucceeded?.Invoke();
            if (resource.ProvisioningState is "Creating" or "Updating") resource.ProvisioningState = "Succeeded";
            resource.PendingOperation = null;
        }, error =>
        {
            resource.ProvisioningState = "Failed";
            resource.PendingOperation = null;
            onFailed?.Invoke(error);
        }, plannedFailure);
        resource.PendingOperation = op;
        return ArmResponse.Json(created ? createdStatus : 200, resource.Body).WithHeaders(c, op);
    }

    /// <summary>DELETE as an LRO: 202 with Location and Azure-AsyncOperation; the resource goes when the operation ends.</summary>
    public static ArmResponse DeleteLro(ArmContext c, ArmResource resource, string kind = "delete", Action? onDeleted = null)
    {
        resource.ProvisioningState = "Deleting";
        var op = Lro.Start(c, kind, resource.Rid.Namespace, resource.Location, () =>
        {
            c.State.Remove(resource);
            onDeleted?.Invoke();
        }, _ => resource.ProvisioningState = "Failed");
        return Lro.Accepted(c, op);
    }

    /// <summary>DELETE of something already gone: ARM answers 204.</summary>
    public static ArmResponse DeleteOrNoContent(ArmContext c, ResourceId rid, Func<ArmResource, ArmResponse> delete)
    {
        c.State.RequireResourceGroup(rid.ResourceGroup);
        var existing = c.State.Find(rid);
        return existing is null ? ArmResponse.NoContent() : delete(existing);
    }

    public static ArmResponse ListIn(ArmContext c, string fullType, string? rg, Func<ArmResource, JsonNode>? render = null)
    {
        if (rg is not null) c.State.RequireResourceGroup(rg);
        return ArmResponse.List(c, c.State.OfType(fullType, rg).Select(r => render?.Invoke(r) ?? r.Body));
    }

    public static void ValidateName(string name, int max, Func<char, bool> allowed, Func<ArmError> error, bool mustStartAlnum = true, string badEnd = "")
    {
        if (name.Length == 0 || name.Length > max || !name.All(allowed)) throw error().AsException();
        if (mustStartAlnum && !char.IsLetterOrDigit(name[0])) throw error().AsException();
        if (badEnd.Contains(name[^1])) throw error().AsException();
    }
}
