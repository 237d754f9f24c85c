using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ImageTools.Engine.Rules;
using ImageTools.Engine.Rules.Capture;
using ImageTools.Engine.Rules.Cleanup;
using ImageTools.Engine.Rules.Clone;
using ImageTools.Engine.Rules.Copy;
using ImageTools.Engine.Rules.Import;
using ImageTools.Engine.Rules.Deploy;
using ImageTools.Engine.Rules.Generalize;
using ImageTools.Engine.Rules.ListVersions;
using ImageTools.Engine.Rules.Orphans;
using ImageTools.Engine.Rules.Publish;
using ImageTools.Engine.Rules.Restore;
using ImageTools.Engine.Rules.VmssDeploy;
using ImageTools.Engine.Rules.VmssUpgrade;
using ImageTools.Engine.Rules.RemoveVersions;
using ImageTools.Engine.Rules.UpdateVersion;

namespace ImageTools.Engine.Tests.Rules;

/// <summary>
/// The whole catalogue's shape, every rule family (Generalize, Capture, Publish, Deploy, VmssDeploy, VmssUpgrade): ids are
/// unique, equal their class name, and each rule has a test, either its own file
/// (&lt;folder&gt;/&lt;RuleId&gt;Tests.cs) or a grouped test file in the family's folder that names the rule id.
/// </summary>
public class CatalogueTests
{
    /// <summary>Each family: the rules it lists, the rule namespace, and the test folder (relative to the test project) where its tests live.</summary>
    private static readonly (string Family, string Namespace, string TestFolder, Func<IEnumerable<object>> Rules)[] Families =
    [
        ("Generalize", "ImageTools.Engine.Rules.Generalize", "Rules/Generalize", () => GeneralizeRules.Arm.Concat(GeneralizeRules.Guest)),
        ("Capture", "ImageTools.Engine.Rules.Capture", "Rules/Capture", () => CaptureRules.All),
        ("Publish", "ImageTools.Engine.Rules.Publish", "Publish", () => PublishRules.All),
        ("Deploy", "ImageTools.Engine.Rules.Deploy", "Deploy", () => DeployRules.All.Cast<object>().Concat(DeployRules.PerVm)),
        ("Clone", "ImageTools.Engine.Rules.Clone", "Rules/Clone", () => CloneRules.Clone),
        ("Restore", "ImageTools.Engine.Rules.Restore", "Rules/Restore", () => RestoreRules.All),
        ("Import", "ImageTools.Engine.Rules.Import", "Import", () => ImportRules.All),
        ("Copy", "ImageTools.Engine.Rules.Copy", "Copy", () => CopyRules.All),
        ("Cleanup", "ImageTools.Engine.Rules.Cleanup", "Rules/Cleanup", () => CleanupRules.Snapshot),
        ("Orphans", "ImageTools.Engine.Rules.Orphans", "Rules/Orphans", () => OrphanRules.All),
        ("VmssDeploy", "ImageTools.Engine.Rules.VmssDeploy", "Rules/VmssDeploy", () => VmssDeployRules.Source.Concat(VmssDeployRules.Existing)),
        ("VmssUpgrade", "ImageTools.Engine.Rules.VmssUpgrade", "Rules/VmssUpgrade", () => VmssUpgradeRules.ScaleSet.Concat(VmssUpgradeRules.Image).Concat(VmssUpgradeRules.Upgrade)),
        ("ListVersions", "ImageTools.Engine.Rules.ListVersions", "Versions", () => ListVersionsRules.All),
        ("UpdateVersion", "ImageTools.Engine.Rules.UpdateVersion", "Versions", () => UpdateVersionRules.All),
        ("RemoveVersions", "ImageTools.Engine.Rules.RemoveVersions", "Versions", () => RemoveVersionsRules.All),
    ];

    private static IEnumerable<(string Family, string Id, Type Type, string Reads)> Catalogue() =>
        Families.SelectMany(f => f.Rules().Select(r => (f.Family, Id(r), r.GetType(), Reads(r))));

    private static string Id(object rule) => (string)rule.GetType().GetProperty("Id")!.GetValue(rule)!;
    private static string Reads(object rule) => (string)rule.GetType().GetProperty("Reads")!.GetValue(rule)!;

    [Fact]
    public void Every_family_has_rules()
    {
        Assert.All(Families, f => Assert.NotEmpty(f.Rules()));
    }

    [Fact]
    public void Rule_ids_are_unique_across_families_and_name_their_class()
    {
        var rules = Catalogue().ToList();
        var duplicates = rules.GroupBy(r => r.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, "Duplicate rule ids: " + string.Join(", ", duplicates));
        Assert.All(rules, r => Assert.Equal(r.Type.Name, r.Id));
        Assert.All(rules, r => Assert.False(string.IsNullOrWhiteSpace(r.Reads)));
    }

    [Fact]
    public void Every_rule_class_is_in_its_familys_catalogue()
    {
        var listed = Catalogue().Select(r => r.Type).ToHashSet();
        var namespaces = Families.Select(f => f.Namespace).ToHashSet();
        var defined = typeof(Rule<>).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && IsRule(t))
            .ToList();
        Assert.All(defined, t => Assert.Contains(t.Namespace, namespaces));
        Assert.All(defined, t => Assert.Contains(t, listed));
    }

    [Fact]
    public void Every_rule_has_a_test_file_of_its_own_or_a_grouped_test_naming_its_id()
    {
        var projectRoot = Path.GetDirectoryName(Path.GetDirectoryName(ThisFile()))!;
        var missing = new List<string>();
        foreach (var family in Families)
        {
            var folder = Path.Combine(projectRoot, family.TestFolder);
            var files = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).ToList();
            var texts = files.Select(File.ReadAllText).Where(t => t.Contains("[Fact") || t.Contains("[Theory")).ToList();
            foreach (var rule in family.Rules())
            {
                var id = Id(rule);
                var own = files.Any(f => Path.GetFileName(f) == id + "Tests.cs");
                var named = texts.Any(t => Regex.IsMatch(t, "(?<![A-Za-z0-9])" + id + "(?![A-Za-z0-9])"));
                if (!own && !named)
                    missing.Add($"{family.Family}/{id}");
            }
        }
        Assert.True(missing.Count == 0, "Rules without a test: " + string.Join(", ", missing));
    }

    private static bool IsRule(Type t)
    {
        for (var b = t.BaseType; b != null; b = b.BaseType)
            if (b.IsGenericType && b.GetGenericTypeDefinition() == typeof(Rule<>))
                return true;
        return false;
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
