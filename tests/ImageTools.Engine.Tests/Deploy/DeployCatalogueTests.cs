using System.Runtime.CompilerServices;
using ImageTools.Engine.Rules;
using ImageTools.Engine.Rules.Deploy;

namespace ImageTools.Engine.Tests.Deploy;

/// <summary>New-VmFromImage's catalogue: stable unique ids naming their class, each rule with its test file in Deploy/Rules.</summary>
public class DeployCatalogueTests
{
    private static IEnumerable<(string Id, Type Type, string Reads)> Catalogue() =>
        DeployRules.All.Select(r => (r.Id, r.GetType(), r.Reads)).Concat(DeployRules.PerVm.Select(r => (r.Id, r.GetType(), r.Reads)));

    [Fact]
    public void Rule_ids_are_unique_and_name_their_class()
    {
        var rules = Catalogue().ToList();
        Assert.Equal(rules.Count, rules.Select(r => r.Id).Distinct().Count());
        Assert.All(rules, r => Assert.Equal(r.Type.Name, r.Id));
        Assert.All(rules, r => Assert.False(string.IsNullOrWhiteSpace(r.Reads)));
    }

    [Fact]
    public void Every_deploy_rule_class_is_in_the_catalogue()
    {
        var listed = Catalogue().Select(r => r.Type).ToHashSet();
        var defined = typeof(Rule<>).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.Namespace == "ImageTools.Engine.Rules.Deploy"
                        && t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(Rule<>))
            .ToList();
        Assert.NotEmpty(defined);
        Assert.All(defined, t => Assert.Contains(t, listed));
    }

    [Fact]
    public void Every_deploy_rule_has_its_test_file()
    {
        var folder = Path.Combine(Path.GetDirectoryName(ThisFile())!, "Rules");
        var missing = Catalogue().Where(r => !File.Exists(Path.Combine(folder, r.Id + "Tests.cs"))).Select(r => r.Id).ToList();
        Assert.True(missing.Count == 0, "Rules without a test file: " + string.Join(", ", missing));
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
