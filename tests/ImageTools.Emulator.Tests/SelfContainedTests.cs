using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ImageTools.Emulator.Tests;

/// <summary>
/// The ARM request/response examples the replay reads: this project's ArmExamples/ folder (original
/// spec paths kept), copied to the test output by the project file.
/// </summary>
internal static class ArmExamples
{
    public const string FolderName = "ArmExamples";
    /// <summary>How many example files ArmExamples/ holds (one per replayed operation).</summary>
    public const int FileCount = 51;

    /// <summary>The copy in the test output, which the tests read.</summary>
    public static string Directory => Path.Combine(AppContext.BaseDirectory, FolderName);

    /// <summary>The folder holding ImageTools.sln, above the test output.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ImageTools.sln"))) return dir.FullName;
        throw new InvalidOperationException("ImageTools.sln not found above " + AppContext.BaseDirectory);
    }

    public static string ProjectDirectory => Path.Combine(RepositoryRoot(), "tests", "ImageTools.Emulator.Tests");

    public static bool IsUnder(string path, string root)
    {
        var full = Path.GetFullPath(path);
        var prefix = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        return full.StartsWith(prefix, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }
}

/// <summary>The repository stands alone: the test project reads nothing from outside it.</summary>
public sealed class SelfContainedTests
{
    [Fact]
    public void Examples_are_read_from_inside_the_repository()
    {
        var root = ArmExamples.RepositoryRoot();
        Assert.True(ArmExamples.IsUnder(ArmExamples.Directory, root), $"{ArmExamples.Directory} is not under {root}");
        var output = JsonFiles(ArmExamples.Directory);
        Assert.Equal(ArmExamples.FileCount, output.Count);

        // The output copy is exactly the project's folder, which is inside the repository.
        var source = Path.Combine(ArmExamples.ProjectDirectory, ArmExamples.FolderName);
        Assert.True(ArmExamples.IsUnder(source, root));
        Assert.Equal(JsonFiles(source), output);
        foreach (var file in output)
            Assert.True(File.ReadAllBytes(Path.Combine(source, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(ArmExamples.Directory, file))), file);

        // Their licence and provenance travel with them.
        Assert.Contains("MIT", File.ReadAllText(Path.Combine(source, "LICENSE")));
        Assert.Contains("Azure/azure-rest-api-specs", File.ReadAllText(Path.Combine(source, "SOURCE.md")));
    }

    [Fact]
    public void Project_references_no_path_outside_the_repository()
    {
        var root = ArmExamples.RepositoryRoot();
        var projectDir = ArmExamples.ProjectDirectory;
        var project = XDocument.Load(Path.Combine(projectDir, "ImageTools.Emulator.Tests.csproj"));
        // Every item or property value that looks like a path (has a separator) must resolve inside the repository.
        var values = project.Descendants().SelectMany(e => e.Attributes().Where(a => a.Name.LocalName is "Include" or "Update" or "Remove" or "Project").Select(a => a.Value))
            .Concat(project.Descendants().Where(e => !e.HasElements).Select(e => e.Value))
            .SelectMany(v => v.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(v => v.Contains('/') || v.Contains('\\'))
            .ToList();
        Assert.NotEmpty(values);
        foreach (var value in values)
        {
            var wildcard = value.IndexOfAny(new[] { '*', '?', '$' });
            var fixedPart = (wildcard < 0 ? value : value[..wildcard]).Replace('\\', Path.DirectorySeparatorChar).Replace('/', Path.DirectorySeparatorChar);
            Assert.True(ArmExamples.IsUnder(Path.Combine(projectDir, fixedPart, "x"), root), $"the project file refers to {value}, outside {root}");
        }

        // No test source builds a path that climbs out of the repository by a relative literal.
        var climbing = new Regex("\"\\.\\.[/\\\\]|\"\\.\\.\"");
        foreach (var file in System.IO.Directory.GetFiles(projectDir, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar) && !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar)))
            Assert.False(climbing.IsMatch(File.ReadAllText(file)), Path.GetFileName(file) + " has a relative path literal starting with ..");
    }

    private static List<string> JsonFiles(string dir) =>
        System.IO.Directory.GetFiles(dir, "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/')).OrderBy(f => f, StringComparer.Ordinal).ToList();
}
