using System.Text.RegularExpressions;

namespace ImageTools.Module.Tests;

/// <summary>
/// The source tree a newcomer reads: in the engine and the module, one type per file named after
/// it, namespaces after folders, no file over 300 lines, and the engine README's folder map in
/// step with the folders on disk.
/// </summary>
public class SourceLayoutTests
{
    private static readonly (string Folder, string Namespace)[] Projects =
    [
        ("src/ImageTools.Engine", "ImageTools.Engine"),
        ("src/ImageTools", "ImageTools"),
    ];

    // The output objects keep the namespace users see in PowerShell (format views, Get-Member) since 0.1.
    private static readonly Dictionary<string, string> NamespaceExceptions = new() { ["src/ImageTools.Engine/Models"] = "ImageTools.Models" };

    private static readonly Regex TypeDeclaration = new(
        @"^\s*(?:(?:public|internal|private|protected|sealed|static|abstract|partial|readonly)\s+)*(?:class|interface|enum|struct|record)\s+(\w+)",
        RegexOptions.Multiline);

    private static IEnumerable<(string Project, string Path)> SourceFiles() =>
        Projects.SelectMany(p => Directory.GetFiles(Path.Combine(Paths.RepoRoot, p.Folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") &&
                        !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Select(f => (p.Folder, f)));

    private static string Relative(string path) => Path.GetRelativePath(Paths.RepoRoot, path).Replace('\\', '/');

    [Fact]
    public void Every_file_holds_one_top_level_type_named_after_it()
    {
        var wrong = new List<string>();
        foreach (var (_, file) in SourceFiles())
        {
            var text = File.ReadAllText(file);
            // Nested types are indented one level deeper than the file's type (8 spaces, or 4 with a file-scoped namespace).
            var topLevel = TypeDeclaration.Matches(text)
                .Where(m => m.Value.TrimStart('\r', '\n').StartsWith("    ") && !m.Value.TrimStart('\r', '\n').StartsWith("        "))
                .Select(m => m.Groups[1].Value).Distinct().ToList();
            var expected = Path.GetFileNameWithoutExtension(file);
            if (topLevel.Count != 1 || topLevel[0] != expected)
                wrong.Add($"{Relative(file)}: [{string.Join(", ", topLevel)}]");
        }
        Assert.True(wrong.Count == 0, "Files whose top-level types are not exactly the one named after the file:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void Every_namespace_follows_its_folder()
    {
        var wrong = new List<string>();
        foreach (var (project, file) in SourceFiles())
        {
            var folder = Relative(Path.GetDirectoryName(file)!);
            var root = Projects.Single(p => p.Folder == project).Namespace;
            var expected = NamespaceExceptions.TryGetValue(folder, out var exception)
                ? exception
                : folder == project ? root : root + "." + folder.Substring(project.Length + 1).Replace('/', '.');
            var declared = Regex.Match(File.ReadAllText(file), @"^namespace\s+([\w.]+)", RegexOptions.Multiline).Groups[1].Value;
            if (declared != expected)
                wrong.Add($"{Relative(file)}: {declared} (folder says {expected})");
        }
        Assert.True(wrong.Count == 0, "Namespaces that do not follow their folder:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void No_source_file_is_over_300_lines()
    {
        var long_ = SourceFiles().Select(f => (f.Path, Lines: File.ReadAllLines(f.Path).Length)).Where(f => f.Lines > 300)
            .Select(f => $"{Relative(f.Path)}: {f.Lines} lines").ToList();
        Assert.True(long_.Count == 0, "Split these files (one screen of logic each):\n" + string.Join("\n", long_));
    }

    [Fact]
    public void The_engine_readme_maps_exactly_the_engine_folders()
    {
        var engine = Path.Combine(Paths.RepoRoot, "src", "ImageTools.Engine");
        var onDisk = Directory.GetDirectories(engine).Select(Path.GetFileName)
            .Where(d => d is not ("bin" or "obj")).Select(d => d + "/").OrderBy(d => d, StringComparer.Ordinal).ToList();
        var readme = File.ReadAllText(Path.Combine(engine, "README.md"));
        var map = Regex.Match(readme, @"```\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        var mapped = Regex.Matches(map, @"^(\w+/)", RegexOptions.Multiline).Select(m => m.Groups[1].Value)
            .OrderBy(d => d, StringComparer.Ordinal).ToList();
        Assert.Equal(onDisk, mapped);
    }
}
