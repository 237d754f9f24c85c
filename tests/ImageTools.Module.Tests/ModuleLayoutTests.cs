using System.Reflection;
using System.Text.RegularExpressions;

namespace ImageTools.Module.Tests;

/// <summary>The staged folder, the manifest, and what ImageTools.dll exposes.</summary>
public class ModuleLayoutTests
{
    private static ModuleSurface Surface => ModuleSurface.Instance;

    internal static string Manifest => File.ReadAllText(Path.Combine(Paths.RepoRoot, "ImageTools.psd1"));

    internal static string ManifestValue(string key) =>
        Regex.Match(Manifest, $@"^\s*{key}\s*=\s*'([^']*)'", RegexOptions.Multiline) is { Success: true } m
            ? m.Groups[1].Value : throw new Xunit.Sdk.XunitException($"{key} not in ImageTools.psd1");

    internal static string[] ManifestList(string key)
    {
        var m = Regex.Match(Manifest, $@"^\s*{key}\s*=\s*@\(([^)]*)\)", RegexOptions.Multiline);
        Assert.True(m.Success, $"{key} is not an @() list in ImageTools.psd1");
        return Regex.Matches(m.Groups[1].Value, "'([^']*)'").Select(x => x.Groups[1].Value).ToArray();
    }

    [Fact]
    public void The_staged_folder_has_the_module_files_and_nothing_of_PowerShell()
    {
        foreach (var file in new[] { "ImageTools.psd1", "ImageTools.dll", "ImageTools.format.ps1xml",
                     "en-US/ImageTools.dll-Help.xml", "en-US/about_ImageTools.help.txt", "Dependencies/ImageTools.Engine.dll" })
            Assert.True(File.Exists(Path.Combine(Paths.Stage, file)), $"out/ImageTools/{file} is missing");
        Assert.Empty(Directory.GetFiles(Paths.Stage, "System.Management.Automation.dll", SearchOption.AllDirectories));
        // Only the cmdlets sit beside the manifest; everything else loads from Dependencies.
        Assert.Equal(new[] { "ImageTools.dll" }, Directory.GetFiles(Paths.Stage, "*.dll").Select(Path.GetFileName));
        Assert.Equal(File.ReadAllText(Path.Combine(Paths.RepoRoot, "ImageTools.psd1")), File.ReadAllText(Path.Combine(Paths.Stage, "ImageTools.psd1")));
    }

    [Fact]
    public void Every_path_in_the_Automation_zip_is_shorter_than_140_characters()
    {
        // The Package task zips the ImageTools folder itself; Azure Automation refuses longer paths.
        var paths = Directory.GetFiles(Paths.Stage, "*", SearchOption.AllDirectories)
            .Select(f => "ImageTools/" + Path.GetRelativePath(Paths.Stage, f).Replace('\\', '/')).ToList();
        Assert.Contains("ImageTools/Dependencies/ImageTools.Engine.dll", paths);
        Assert.All(paths, p => Assert.True(p.Length < 140, p));
    }

    [Fact]
    public void Every_assembly_the_module_needs_is_in_Dependencies_or_the_runtime()
    {
        var available = Directory.GetFiles(Paths.Dependencies, "*.dll").Concat(Directory.GetFiles(Paths.RuntimeDir, "*.dll"))
            .Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = new List<string>();
        foreach (var file in Directory.GetFiles(Paths.Dependencies, "*.dll").Append(Paths.ModuleDll))
            foreach (var reference in Surface.Context.LoadFromAssemblyPath(file).GetReferencedAssemblies())
                if (!available.Contains(reference.Name!) && reference.Name != "System.Management.Automation")
                    missing.Add($"{Path.GetFileName(file)} -> {reference.Name}");
        Assert.Empty(missing);
        Assert.Contains(Surface.Module.GetReferencedAssemblies(), r => r.Name == "ImageTools.Engine");
        Assert.DoesNotContain(Surface.Module.GetReferencedAssemblies(), r => r.Name!.StartsWith("Azure", StringComparison.Ordinal));
    }

    [Fact]
    public void No_Azure_type_appears_in_a_public_signature_of_the_module()
    {
        var offenders = new List<string>();
        void Check(Type? t, string where)
        {
            if (t == null) return;
            if (t.HasElementType) { Check(t.GetElementType(), where); return; }
            if (t.IsGenericType) foreach (var a in t.GetGenericArguments()) Check(a, where);
            if ((t.Namespace ?? "").StartsWith("Azure", StringComparison.Ordinal) || (t.Assembly.GetName().Name ?? "").StartsWith("Azure", StringComparison.Ordinal))
                offenders.Add($"{where}: {t.FullName}");
        }
        const BindingFlags Visible = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in Surface.Module.GetExportedTypes())
        {
            Check(type.BaseType, type.Name);
            foreach (var i in type.GetInterfaces()) Check(i, type.Name);
            foreach (var m in type.GetMembers(Visible))
            {
                switch (m)
                {
                    case MethodBase mb when mb.IsPublic || mb.IsFamily || mb.IsFamilyOrAssembly:
                        if (mb is MethodInfo mi) Check(mi.ReturnType, $"{type.Name}.{m.Name}");
                        foreach (var p in mb.GetParameters()) Check(p.ParameterType, $"{type.Name}.{m.Name}");
                        break;
                    case PropertyInfo pi when pi.GetMethod is { } g && (g.IsPublic || g.IsFamily):
                        Check(pi.PropertyType, $"{type.Name}.{m.Name}");
                        break;
                    case FieldInfo fi when fi.IsPublic || fi.IsFamily:
                        Check(fi.FieldType, $"{type.Name}.{m.Name}");
                        break;
                }
            }
        }
        Assert.Empty(offenders);
        Assert.True(Surface.Module.GetExportedTypes().Length >= 5);
    }

    [Fact]
    public void ModuleVersion_is_the_build_version() =>
        Assert.Equal(Paths.BuildVersion, ManifestValue("ModuleVersion"));

    [Fact]
    public void The_manifest_exports_exactly_the_cmdlets_of_the_dll()
    {
        Assert.Equal(Surface.Cmdlets.Select(c => c.Name).OrderBy(n => n), ManifestList("CmdletsToExport").OrderBy(n => n));
        foreach (var key in new[] { "FunctionsToExport", "AliasesToExport", "VariablesToExport" })
            Assert.Empty(ManifestList(key));
    }

    [Fact]
    public void The_manifest_declares_editions_version_root_module_and_gallery_data()
    {
        Assert.Equal("ImageTools.dll", ManifestValue("RootModule"));
        Assert.Equal("5.1", ManifestValue("PowerShellVersion"));
        Assert.True(Guid.TryParse(ManifestValue("GUID"), out _));
        Assert.Equal(new[] { "Desktop", "Core" }, ManifestList("CompatiblePSEditions"));
        Assert.Equal(new[] { "ImageTools.format.ps1xml" }, ManifestList("FormatsToProcess"));
        foreach (var key in new[] { "LicenseUri", "ProjectUri", "ReleaseNotes" })
            Assert.NotEmpty(ManifestValue(key));
        Assert.Contains("Azure", ManifestList("Tags"));
    }
}
