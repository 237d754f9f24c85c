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

/// <summary>
/// Windows PowerShell 5.1 (.NET Framework) cannot run here, so its loading path is checked in the
/// metadata of ImageTools.dll: .NET Framework has no AssemblyLoadContext, and compiling a method
/// that calls into EngineLoadContext would load that type and fail. Only the NoInlining
/// AttachLoadContext may call it, and Register (the 5.1 path too) calls only that.
/// </summary>
public class WindowsPowerShellLoadingTests
{
    private static (System.Reflection.Metadata.MetadataReader reader, System.Reflection.PortableExecutable.PEReader pe) Open()
    {
        var pe = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(Paths.ModuleDll));
        return (System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe), pe);
    }

    /// <summary>Tokens of the methods a method's IL calls (call, callvirt, newobj, ldftn) that are defined in this assembly.</summary>
    private static HashSet<int> CalledMethodDefs(System.Reflection.Metadata.MetadataReader reader, System.Reflection.PortableExecutable.PEReader pe,
        string typeName, string methodName)
    {
        var method = reader.MethodDefinitions.Select(reader.GetMethodDefinition)
            .Single(m => reader.GetString(m.Name) == methodName && reader.GetString(reader.GetTypeDefinition(m.GetDeclaringType()).Name) == typeName);
        var il = System.Reflection.Metadata.PEReaderExtensions.GetMethodBody(pe, method.RelativeVirtualAddress).GetILBytes()!;
        var tokens = new HashSet<int>();
        for (int i = 0; i + 4 < il.Length; i++)
        {
            bool call = il[i] is 0x28 or 0x6F or 0x73 || (il[i] == 0xFE && i + 5 < il.Length && il[i + 1] == 0x06);
            int at = il[i] == 0xFE ? i + 2 : i + 1;
            int token = BitConverter.ToInt32(il, at);
            if (call && (token >> 24) == 0x06)
                tokens.Add(token);
        }
        return tokens;
    }

    private static int TokenOf(System.Reflection.Metadata.MetadataReader reader, string typeName, string methodName) =>
        System.Reflection.Metadata.Ecma335.MetadataTokens.GetToken(reader.MethodDefinitions
            .Single(h => reader.GetString(reader.GetMethodDefinition(h).Name) == methodName &&
                         reader.GetString(reader.GetTypeDefinition(reader.GetMethodDefinition(h).GetDeclaringType()).Name) == typeName));

    [Fact]
    public void Register_reaches_the_load_context_only_through_a_NoInlining_method()
    {
        var (reader, pe) = Open();
        using (pe)
        {
            var attachContext = TokenOf(reader, "EngineLoadContext", "Attach");
            var attachLoadContext = TokenOf(reader, "DependencyResolver", "AttachLoadContext");
            var register = CalledMethodDefs(reader, pe, "DependencyResolver", "Register");
            Assert.DoesNotContain(attachContext, register);
            Assert.Contains(attachLoadContext, register);
            Assert.Contains(attachContext, CalledMethodDefs(reader, pe, "DependencyResolver", "AttachLoadContext"));

            var attributes = reader.GetMethodDefinition((System.Reflection.Metadata.MethodDefinitionHandle)
                System.Reflection.Metadata.Ecma335.MetadataTokens.EntityHandle(attachLoadContext)).ImplAttributes;
            Assert.True(attributes.HasFlag(System.Reflection.MethodImplAttributes.NoInlining));
        }
    }

    [Fact]
    public void The_module_and_the_engine_target_netstandard2_0_and_the_manifest_declares_Desktop()
    {
        foreach (var file in new[] { Paths.ModuleDll, Path.Combine(Paths.Dependencies, "ImageTools.Engine.dll") })
        {
            var framework = ModuleSurface.Instance.Context.LoadFromAssemblyPath(file).GetCustomAttributesData()
                .Single(a => a.AttributeType.Name == "TargetFrameworkAttribute").ConstructorArguments[0].Value;
            Assert.Equal(".NETStandard,Version=v2.0", framework);
        }
        var manifest = File.ReadAllText(Path.Combine(Paths.Stage, "ImageTools.psd1"));
        Assert.Matches(@"CompatiblePSEditions\s*=\s*@\('Desktop',\s*'Core'\)", manifest);
        Assert.Matches(@"PowerShellVersion\s*=\s*'5\.1'", manifest);
    }

    [Fact]
    public void The_only_type_deriving_from_AssemblyLoadContext_is_EngineLoadContext()
    {
        var derived = ModuleSurface.Instance.Module.GetTypes()
            .Where(t => { for (var b = t.BaseType; b != null; b = b.BaseType) if (b.FullName == "System.Runtime.Loader.AssemblyLoadContext") return true; return false; })
            .Select(t => t.FullName).ToList();
        Assert.Equal(new[] { "ImageTools.Loading.EngineLoadContext" }, derived);
    }
}
