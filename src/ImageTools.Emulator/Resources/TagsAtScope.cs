using System.Text.Json.Nodes;
using ImageTools.Emulator.Arm;
using ImageTools.Emulator.State;

namespace ImageTools.Emulator.Resources;

/// <summary>
/// The tags of a resource as their own resource, Microsoft.Resources/tags/default at the resource's
/// scope (Tags - Get/Create Or Update/Update At Scope): GET reads them; PUT replaces them; PATCH
/// with operation Merge adds or changes the given tags, Replace sets exactly them, Delete removes
/// the given names. Answered at once (200, no long-running operation), with ARM's tag limits on the
/// result. A virtual machine busy with another operation refuses the change as Compute does.
/// </summary>
internal static class TagsAtScope
{
    private const string Path = "/subscriptions/{sub}/resourceGroups/{rg}/providers/{ns}/{type}/{name}/providers/Microsoft.Resources/tags/default";

    public static void Map(ArmRouter r)
    {
        r.Get(Path, c => ArmResponse.Ok(Render(Target(c))));
        r.Put(Path, c => Write(c, "Replace", replaceAll: true));
        r.Patch(Path, c => Write(c, c.Body.Str("operation") ?? "", replaceAll: false));
    }

    private static ArmResource Target(ArmContext c) =>
        Tracked.Require(c, new ResourceId(c.R("sub"), c.R("rg"), c.R("ns"), new[] { (c.R("type"), c.R("name")) }));

    private static ArmResponse Write(ArmContext c, string operation, bool replaceAll)
    {
        var resource = Target(c);
        if (c.Body["properties"] is not JsonObject properties || properties["tags"] is not JsonObject given)
            throw ArmErrors.InvalidRequestContent("The request must carry properties.tags, an object of tag names to string values.").AsException();
        TagRules.Validate(given);
        var current = resource.Body["tags"] as JsonObject ?? new JsonObject();
        JsonObject result;
        switch (replaceAll ? "replace" : operation.ToLowerInvariant())
        {
            case "merge":
                result = (JsonObject)current.DeepClone();
                foreach (var (name, value) in given) result[name] = value?.DeepClone();
                break;
            case "replace":
                result = (JsonObject)given.DeepClone();
                break;
            case "delete":
                result = (JsonObject)current.DeepClone();
                foreach (var (name, _) in given) result.Remove(name);
                break;
            default:
                throw ArmErrors.InvalidParameter($"The tag patch operation '{operation}' is not supported. Supported operations are 'Merge', 'Replace' and 'Delete'.", "operation").AsException();
        }
        TagRules.Validate(result);
        if (resource.Vm is { } vm && (resource.ProvisioningState is "Creating" or "Deleting" || vm.ActionInProgress))
            throw ArmErrors.NotAllowedInProgress("Update VM", resource.Name).AsException();
        resource.Body["tags"] = result;
        return ArmResponse.Ok(Render(resource));
    }

    private static JsonObject Render(ArmResource resource) => new()
    {
        ["id"] = resource.Rid.Format() + "/providers/Microsoft.Resources/tags/default",
        ["name"] = "default",
        ["type"] = "Microsoft.Resources/tags",
        ["properties"] = new JsonObject { ["tags"] = (resource.Body["tags"] as JsonObject ?? new JsonObject()).DeepClone() },
    };
}
