using System.Reflection;
using System.Runtime.InteropServices;

namespace ImageTools.Module.Tests;

/// <summary>Where the build put things: the repository, the staged module, the SMA compile stub.</summary>
internal static class Paths
{
    private static string Metadata(string key) =>
        typeof(Paths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    public static string RepoRoot => Metadata("RepoRoot");
    public static string BuildVersion => Metadata("BuildVersion");
    public static string SmaStub => Metadata("SmaStub");
    public static string Stage => Path.Combine(RepoRoot, "out", "ImageTools");
    public static string Dependencies => Path.Combine(Stage, "Dependencies");
    public static string ModuleDll => Path.Combine(Stage, "ImageTools.dll");
    public static string RuntimeDir => RuntimeEnvironment.GetRuntimeDirectory();
}

/// <summary>One [Parameter] attribute of a property: a property has one per parameter set.</summary>
internal sealed record ParameterSetEntry(string SetName, bool Mandatory, bool FromPipeline, bool FromPipelineByPropertyName, int Position);

internal sealed record ParameterInfo(string Name, Type Type, string[] Aliases, ParameterSetEntry[] Sets)
{
    public IEnumerable<string> BindingNames => new[] { Name }.Concat(Aliases);
    public bool InSet(string set) => Sets.Any(s => s.SetName == set || s.SetName == CmdletSurface.AllSets);
}

internal sealed record CmdletSurface(Type Type, string Verb, string Noun, bool SupportsShouldProcess, string ConfirmImpact,
    string? DefaultSet, Type[] OutputTypes, ParameterInfo[] Parameters)
{
    public const string AllSets = "__AllParameterSets";
    public string Name => $"{Verb}-{Noun}";

    /// <summary>
    /// The named parameter sets (with the default one, which may hold only all-set parameters),
    /// or the one implicit set when none is named.
    /// </summary>
    public string[] SetNames
    {
        get
        {
            var named = Parameters.SelectMany(p => p.Sets).Select(s => s.SetName).Append(DefaultSet ?? AllSets)
                .Where(s => s != AllSets).Distinct().ToArray();
            return named.Length > 0 ? named : new[] { AllSets };
        }
    }

    public ParameterInfo Parameter(string name) => Parameters.Single(p => p.Name == name);
}

/// <summary>
/// The staged module read with MetadataLoadContext (nothing executes): ImageTools.dll, the SMA
/// compile stub, the Dependencies folder and the runtime's own assemblies.
/// </summary>
internal sealed class ModuleSurface : IDisposable
{
    private static readonly Lazy<ModuleSurface> Shared = new(() => new ModuleSurface());
    public static ModuleSurface Instance => Shared.Value;

    public MetadataLoadContext Context { get; }
    public Assembly Module { get; }
    public Assembly Engine { get; }
    public Assembly Sma { get; }
    public IReadOnlyList<CmdletSurface> Cmdlets { get; }

    private ModuleSurface()
    {
        var files = Directory.GetFiles(Paths.RuntimeDir, "*.dll")
            .Concat(Directory.GetFiles(Paths.Dependencies, "*.dll"))
            .Append(Paths.SmaStub)
            .Append(Paths.ModuleDll);
        Context = new MetadataLoadContext(new PathAssemblyResolver(files), "System.Private.CoreLib");
        Module = Context.LoadFromAssemblyPath(Paths.ModuleDll);
        Engine = Context.LoadFromAssemblyName("ImageTools.Engine");
        Sma = Context.LoadFromAssemblyPath(Paths.SmaStub);
        Cmdlets = Module.GetExportedTypes().Where(t => !t.IsAbstract).Select(Read).Where(c => c != null).Select(c => c!).ToList();
    }

    public Type SmaType(string name) => Sma.GetType("System.Management.Automation." + name, throwOnError: true)!;

    private static CmdletSurface? Read(Type type)
    {
        var cmdlet = type.GetCustomAttributesData().SingleOrDefault(a => a.AttributeType.Name == "CmdletAttribute");
        if (cmdlet == null)
            return null;
        string Named(string name) => cmdlet.NamedArguments.Where(n => n.MemberName == name)
            .Select(n => n.TypedValue.Value?.ToString()).SingleOrDefault() ?? "";
        var impactEnum = cmdlet.AttributeType.Assembly.GetType("System.Management.Automation.ConfirmImpact")!;
        // CmdletAttribute's ConfirmImpact is Medium unless set.
        string impact = cmdlet.NamedArguments.Where(n => n.MemberName == "ConfirmImpact")
            .Select(n => EnumName(impactEnum, n.TypedValue.Value!)).SingleOrDefault() ?? "Medium";
        var outputs = type.GetCustomAttributesData().Where(a => a.AttributeType.Name == "OutputTypeAttribute")
            .SelectMany(a => a.ConstructorArguments)
            .SelectMany(arg => arg.Value is IEnumerable<CustomAttributeTypedArgument> many ? many.Select(m => m.Value) : new[] { arg.Value })
            .OfType<Type>().ToArray();

        var parameters = new List<ParameterInfo>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var attributes = property.GetCustomAttributesData();
            var sets = attributes.Where(a => a.AttributeType.Name == "ParameterAttribute").Select(a =>
            {
                T Arg<T>(string name, T fallback) => a.NamedArguments.Where(n => n.MemberName == name)
                    .Select(n => (T)n.TypedValue.Value!).DefaultIfEmpty(fallback).Single();
                return new ParameterSetEntry(Arg("ParameterSetName", CmdletSurface.AllSets), Arg("Mandatory", false),
                    Arg("ValueFromPipeline", false), Arg("ValueFromPipelineByPropertyName", false), Arg("Position", int.MinValue));
            }).ToArray();
            if (sets.Length == 0)
                continue;
            var aliases = attributes.Where(a => a.AttributeType.Name == "AliasAttribute")
                .SelectMany(a => a.ConstructorArguments)
                .SelectMany(arg => arg.Value is IEnumerable<CustomAttributeTypedArgument> many ? many.Select(m => (string)m.Value!) : new[] { (string)arg.Value! })
                .ToArray();
            parameters.Add(new ParameterInfo(property.Name, property.PropertyType, aliases, sets));
        }

        return new CmdletSurface(type, (string)cmdlet.ConstructorArguments[0].Value!, (string)cmdlet.ConstructorArguments[1].Value!,
            Named("SupportsShouldProcess") == "True", impact, Named("DefaultParameterSetName") is { Length: > 0 } d ? d : null,
            outputs, parameters.ToArray());
    }

    public static string EnumName(Type enumType, object value) => enumType.GetFields(BindingFlags.Public | BindingFlags.Static)
        .Single(f => Convert.ToInt64(f.GetRawConstantValue()) == Convert.ToInt64(value)).Name;

    public void Dispose() => Context.Dispose();
}
