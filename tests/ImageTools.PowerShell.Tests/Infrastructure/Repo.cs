using System.Reflection;

namespace ImageTools.PowerShell.Tests.Infrastructure;

/// <summary>Paths baked into this assembly at build time (AssemblyMetadata attributes of the csproj).</summary>
public static class Repo
{
    private static string Metadata(string key) =>
        typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == key).Value!;

    /// <summary>The repository root, with a trailing separator.</summary>
    public static string Root { get; } = Metadata("RepoRoot");

    /// <summary>The staged module folder that build leaves in out/ImageTools.</summary>
    public static string ModuleDirectory { get; } = Path.Combine(Root, "out", "ImageTools");

    public static string ModuleManifest { get; } = Path.Combine(ModuleDirectory, "ImageTools.psd1");

    public static string Dependencies { get; } = Path.Combine(ModuleDirectory, "Dependencies");

    /// <summary>The NuGet package folder the build restored into (PackageDownload'ed copies of other Azure library versions live there).</summary>
    public static string NuGetPackageRoot { get; } = Metadata("NuGetPackageRoot");

    /// <summary>The names in the staged manifest's CmdletsToExport: what Get-Command -Module ImageTools must list.</summary>
    public static IReadOnlyList<string> ExportedCmdlets()
    {
        var text = File.ReadAllText(ModuleManifest);
        var start = text.IndexOf("CmdletsToExport", StringComparison.Ordinal);
        var list = text[text.IndexOf('(', start)..text.IndexOf(')', start)];
        return System.Text.RegularExpressions.Regex.Matches(list, "'([^']+)'").Select(m => m.Groups[1].Value).ToList();
    }

    /// <summary>A single-quoted PowerShell string literal.</summary>
    public static string Quote(string value) => "'" + value.Replace("'", "''") + "'";
}
