using System.Reflection;
using System.Runtime.CompilerServices;
using ImageTools.Engine.Rules;
using ImageTools.Engine.Rules.Capture;
using ImageTools.Engine.Rules.Generalize;

namespace ImageTools.Engine.Tests.Rules;

/// <summary>The catalogue's shape: stable unique ids, each rule in its own file with its test beside it.</summary>
public class CatalogueTests
{
    private static IEnumerable<(string Cmdlet, string Id, Type Type, string Reads)> Catalogue() =>
        GeneralizeRules.Arm.Concat(GeneralizeRules.Guest).Select(r => ("Generalize", r.Id, r.GetType(), r.Reads))
            .Concat(CaptureRules.All.Select(r => ("Capture", r.Id, r.GetType(), r.Reads)));

    [Fact]
    public void Rule_ids_are_unique_and_name_their_class()
    {
        var rules = Catalogue().ToList();
        Assert.Equal(rules.Count, rules.Select(r => r.Id).Distinct().Count());
        Assert.All(rules, r => Assert.Equal(r.Type.Name, r.Id));
        Assert.All(rules, r => Assert.False(string.IsNullOrWhiteSpace(r.Reads)));
    }

    [Fact]
    public void Every_rule_class_is_in_the_catalogue()
    {
        var listed = Catalogue().Select(r => r.Type).ToHashSet();
        var defined = typeof(Rule<>).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(Rule<>))
            .Where(t => t.Namespace is "ImageTools.Engine.Rules.Generalize" or "ImageTools.Engine.Rules.Capture");
        Assert.All(defined, t => Assert.Contains(t, listed));
    }

    [Fact]
    public void Every_rule_has_its_test_file_beside_the_rules_structure()
    {
        var testsRoot = Path.Combine(Path.GetDirectoryName(ThisFile())!);
        var missing = Catalogue()
            .Where(r => !File.Exists(Path.Combine(testsRoot, r.Cmdlet, r.Id + "Tests.cs")))
            .Select(r => $"{r.Cmdlet}/{r.Id}Tests.cs")
            .ToList();
        Assert.True(missing.Count == 0, "Rules without a test file: " + string.Join(", ", missing));
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
