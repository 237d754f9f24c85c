using System.Reflection;
using System.Runtime.Loader;

namespace ImageTools.Module.Tests;

/// <summary>
/// The module's loader (src/ImageTools/Loading). PowerShell (7 and 5.1) enumerates the types of
/// ImageTools.dll before IModuleAssemblyInitializer.OnImport registers the resolver, so no type
/// of ImageTools.dll may need the engine or an Azure library just to load: that is checked
/// statically here for both editions. PowerShell enumerates the exported types only (public
/// and nested public; internal adapters such as CmdletHost load later, on first use). The private load context is exercised by loading the
/// staged module into this process's default context, as PowerShell 7 does; this project does
/// not reference the engine, so nothing on the default context's trusted list hides a failure.
/// Real imports (pwsh and hosted runspaces, with other Azure.Core versions loaded first) are
/// tested in tests/ImageTools.PowerShell.Tests and tests/Pester.
/// </summary>
public class IsolationTests
{
    private static bool FromDependencies(Type type)
    {
        var name = type.Assembly.GetName().Name!;
        return File.Exists(Path.Combine(Paths.Dependencies, name + ".dll"));
    }

    [Fact]
    public void No_type_of_the_module_needs_the_engine_or_an_Azure_library_to_load()
    {
        var surface = ModuleSurface.Instance;
        var offenders = new List<string>();
        foreach (var type in surface.Module.GetExportedTypes())
        {
            for (var b = type.BaseType; b != null && b.Assembly != surface.Sma && b.Assembly.GetName().Name != "System.Runtime"; b = b.BaseType)
                if (FromDependencies(b))
                    offenders.Add($"{type.FullName} derives from {b.FullName}");
            foreach (var i in type.GetInterfaces().Where(FromDependencies))
                offenders.Add($"{type.FullName} implements {i.FullName}");
            // Value-type fields (enums and structs, auto-property backing fields included) are laid out at type load.
            foreach (var f in type.GetFields(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                if (f.FieldType.IsValueType && FromDependencies(f.FieldType) && !f.IsLiteral)
                    offenders.Add($"{type.FullName}.{f.Name} is a {f.FieldType.FullName}");
        }
        // A type PowerShell would fail on is listed with its reason; the engine types the cmdlets use
        // inside method bodies (requests, the host pump) are fine: they load after OnImport.
        Assert.Empty(offenders);
    }

    [Fact]
    public void The_checker_sees_a_value_type_field_of_the_engine()
    {
        // The rule above is not vacuous: the engine's own request type has such fields.
        var request = ModuleSurface.Instance.Engine.GetType("ImageTools.Engine.Requests.GeneralizeRequest", throwOnError: true)!;
        Assert.Contains(request.GetFields(BindingFlags.Instance | BindingFlags.NonPublic),
            f => f.FieldType.IsValueType && FromDependencies(f.FieldType));
    }

    [Fact]
    public void The_engine_and_its_Azure_Core_load_into_the_private_context_even_with_another_Azure_Core_in_the_default_one()
    {
        // Another module's Azure.Core (a separate copy of the file), already in the default context.
        var copy = Path.Combine(Path.GetTempPath(), "imagetools-foreign-" + Guid.NewGuid().ToString("N"), "Azure.Core.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(Path.Combine(Paths.Dependencies, "Azure.Core.dll"), copy);
        var foreignCore = AssemblyLoadContext.Default.Assemblies.FirstOrDefault(a => a.GetName().Name == "Azure.Core")
                          ?? AssemblyLoadContext.Default.LoadFromAssemblyPath(copy);

        // As PowerShell 7 loads a binary module: into the default context, then OnImport.
        var module = AssemblyLoadContext.Default.LoadFromAssemblyPath(Paths.ModuleDll);
        module.GetType("ImageTools.Loading.DependencyResolver", throwOnError: true)!.GetMethod("Register")!.Invoke(null, null);

        // What the CLR does when a cmdlet first touches an engine type.
        var engine = AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName("ImageTools.Engine"));
        var engineContext = AssemblyLoadContext.GetLoadContext(engine)!;
        Assert.Equal("ImageTools.Loading.EngineLoadContext", engineContext.GetType().FullName);
        Assert.NotSame(AssemblyLoadContext.Default, engineContext);
        Assert.Equal(Path.Combine(Paths.Dependencies, "ImageTools.Engine.dll"), engine.Location);

        // The engine's Azure.Core reference resolves inside the private context, to the module's file.
        var core = engineContext.LoadFromAssemblyName(engine.GetReferencedAssemblies().Single(r => r.Name == "Azure.Core"));
        Assert.Same(engineContext, AssemblyLoadContext.GetLoadContext(core));
        Assert.NotSame(foreignCore, core);
        Assert.Equal(Path.Combine(Paths.Dependencies, "Azure.Core.dll"), core.Location);
        Assert.NotNull(engine.GetType("ImageTools.Models.VmInfo", throwOnError: true));
        Assert.NotNull(core.GetType("Azure.Core.TokenCredential", throwOnError: true));

        // Framework assemblies are not duplicated: the runtime's newer System.Text.Json serves everyone.
        var json = engineContext.LoadFromAssemblyName(new AssemblyName("System.Text.Json"));
        Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(json));

        // The default context is handed the engine only; other names in Dependencies are not answered there.
        Assert.Throws<FileNotFoundException>(() => AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName("Microsoft.Identity.Client.Extensions.Msal")));
    }

    [Fact]
    public void The_Windows_PowerShell_resolver_answers_only_for_files_in_Dependencies()
    {
        var module = AssemblyLoadContext.Default.LoadFromAssemblyPath(Paths.ModuleDll);
        var pathOf = module.GetType("ImageTools.Loading.DependencyResolver", throwOnError: true)!.GetMethod("PathInDirectory")!;
        Assert.Equal(Path.Combine(Paths.Dependencies, "Azure.Identity.dll"), pathOf.Invoke(null, new object[] { Paths.Dependencies, "Azure.Identity" }));
        Assert.Null(pathOf.Invoke(null, new object[] { Paths.Dependencies, "System.Management.Automation" }));
        Assert.Null(pathOf.Invoke(null, new object[] { Paths.Dependencies, "../ImageTools" }));
        Assert.Null(pathOf.Invoke(null, new object?[] { Paths.Dependencies, null }));
    }
}
