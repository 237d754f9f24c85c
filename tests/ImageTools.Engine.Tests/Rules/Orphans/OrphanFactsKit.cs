using ImageTools.Engine.Gateway;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Rules.Orphans;

namespace ImageTools.Engine.Tests.Rules.Orphans;

/// <summary>Facts for the orphan rules: a resource of a type with tags, what uses it, whether its VM exists.</summary>
internal static class OrphanFactsKit
{
    public const string Group = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers";
    public static readonly DateTime Now = new(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);

    public static ArmId Id(string type, string name) => ArmId.Parse($"{Group}/{type}/{name}");

    public static Dictionary<string, string> PreGeneralize(string vm, DateTime? retainUntil = null)
    {
        var tags = new Dictionary<string, string> { ["imagetools-snapshot-of"] = vm };
        if (retainUntil is DateTime until) tags["imagetools-retain-until"] = until.ToString("yyyy-MM-ddTHH:mm:ssZ");
        return tags;
    }

    public static Dictionary<string, string> ClonePart(string clone = "golden01-clone", string source = "golden01") => new()
    {
        ["imagetools-clone-of"] = $"{Group}/Microsoft.Compute/virtualMachines/{source}",
        ["imagetools-owner"] = $"{Group}/Microsoft.Compute/virtualMachines/{clone}",
    };

    public static OrphanRemoveFacts Facts(ArmId id, Dictionary<string, string>? tags, bool exists = true, bool vmExists = false,
        string[]? attachedTo = null, bool ignoreRetention = false) =>
        new(new OrphanRemoveRequest { IgnoreRetention = ignoreRetention }, id, exists, "eastus", tags ?? new Dictionary<string, string>(),
            attachedTo ?? Array.Empty<string>(), vmExists, Now);
}
