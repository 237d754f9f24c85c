namespace ImageTools.Module.Tests;

/// <summary>What a runbook needs: flat outputs that serialize cleanly, and no prompt once -Force or -Confirm:$false is given.</summary>
public class RunbookReadinessTests
{
    private static ModuleSurface Surface => ModuleSurface.Instance;

    private static readonly HashSet<string> Flat = new()
    {
        "System.String", "System.Boolean", "System.Int32", "System.Int64", "System.String[]",
        "System.Collections.Generic.Dictionary`2[[System.String],[System.String]]",
    };

    private static string Describe(Type type) => type.IsGenericType
        ? $"{type.GetGenericTypeDefinition().FullName}[{string.Join(",", type.GetGenericArguments().Select(a => "[" + a.FullName + "]"))}]"
        : type.FullName!;

    /// <summary>
    /// A flat property type: a string, bool, int, long (byte counts), string array, string dictionary, or a
    /// class or an array of a class whose own properties are all of the first kinds (one level, like
    /// TargetRegions, or a scale set's Sku with Az's Sku.Capacity).
    /// </summary>
    private static string? Violation(Type owner, bool nested)
    {
        foreach (var property in owner.GetProperties())
        {
            string type = Describe(property.PropertyType);
            if (Flat.Contains(type))
                continue;
            var element = property.PropertyType.IsArray ? property.PropertyType.GetElementType()! : property.PropertyType;
            if (!nested && element != null && element.IsClass && element.Namespace == "ImageTools.Models" && Violation(element, nested: true) == null)
                continue;
            return $"{owner.Name}.{property.Name} is {type}";
        }
        return null;
    }

    [Fact]
    public void Every_output_type_is_flat_with_string_ids()
    {
        var outputs = Surface.Cmdlets.SelectMany(c => c.OutputTypes).Distinct().ToList();
        Assert.Equal(new[] { "ConnectionInfo", "DiskInfo", "GalleryVersionInfo", "ImageInfo", "OrphanInfo", "SnapshotInfo", "VmInfo", "VmssInfo" }, outputs.Select(t => t.Name).OrderBy(n => n, StringComparer.Ordinal));
        foreach (var type in outputs)
        {
            Assert.Null(Violation(type, nested: false));
            Assert.NotNull(type.GetConstructor(Type.EmptyTypes)); // deserializable
            if (type.GetProperty("Id") is { } id)
                Assert.Equal("System.String", id.PropertyType.FullName);
        }
    }

    [Fact]
    public void The_flatness_check_catches_a_nested_object()
    {
        // The check itself: an SMA type with object-valued properties is not flat.
        Assert.NotNull(Violation(Surface.SmaType("ErrorRecord"), nested: false));
    }

    [Fact]
    public void The_example_runbook_signs_in_with_system_or_user_assigned_managed_identity_and_never_prompts()
    {
        string runbook = File.ReadAllText(Path.Combine(Paths.RepoRoot, "examples", "Publish-GoldenImage.runbook.ps1"));
        Assert.Contains("Identity = $true", runbook);
        Assert.Contains("AccountId = $IdentityClientId", runbook);       // user-assigned when a client id is given
        Assert.Contains("$ProgressPreference = 'SilentlyContinue'", runbook);
        Assert.Contains("Invoke-VmGeneralize", runbook);
        Assert.Contains("-Force", runbook);
        Assert.DoesNotContain("Read-Host", runbook);
    }
}
