using System.Reflection;
using System.Runtime.Loader;

namespace ImageTools.Module.Tests;

/// <summary>
/// Loading the staged module the way PowerShell 7 does (ImageTools.dll into a load context of
/// its own), with the resolver of Loading/DependencyResolver.cs registered: the engine and
/// Azure.Core must come from the private "ImageTools" context, even when another copy of
/// Azure.Core is already loaded in the default context (as Az.Accounts would have it).
/// This test project deliberately does not reference the engine, so nothing is on the
/// default context's trusted list to hide a resolver failure.
/// </summary>
public class IsolationTests
{
    private static (AssemblyLoadContext host, Type resolver) LoadModule(string name)
    {
        var host = new AssemblyLoadContext(name);
        var module = host.LoadFromAssemblyPath(Paths.ModuleDll);
        return (host, module.GetType("ImageTools.Loading.DependencyResolver", throwOnError: true)!);
    }

    private static object Register(Type resolver) =>
        resolver.GetMethod("Register")!.Invoke(null, new object?[] { Paths.Dependencies })!;

    private static void Unregister(Type resolver) => resolver.GetMethod("Unregister")!.Invoke(null, null);

    [Fact]
    public void The_engine_and_Azure_Core_load_into_the_private_context_not_the_hosts_nor_the_default()
    {
        // Another module's Azure.Core, already in the default context.
        var foreignCore = AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.Combine(Paths.Dependencies, "Azure.Core.dll"));
        var (host, resolverType) = LoadModule("ps-host-1");
        var resolver = Register(resolverType);
        try
        {
            Assert.True((bool)resolverType.GetProperty("UsesLoadContext")!.GetValue(resolver)!);

            // What the CLR does when a cmdlet first touches an engine type.
            var engine = host.LoadFromAssemblyName(new AssemblyName("ImageTools.Engine"));
            var engineContext = AssemblyLoadContext.GetLoadContext(engine)!;
            Assert.Equal("ImageTools", engineContext.Name);
            Assert.NotSame(host, engineContext);
            Assert.NotSame(AssemblyLoadContext.Default, engineContext);

            // The engine's own Azure.Core reference resolves inside the private context.
            var coreName = engine.GetReferencedAssemblies().Single(r => r.Name == "Azure.Core");
            var core = engineContext.LoadFromAssemblyName(coreName);
            Assert.Same(engineContext, AssemblyLoadContext.GetLoadContext(core));
            Assert.NotSame(foreignCore, core);

            // Types really load and link: a model type and the Azure gateway's dependency.
            Assert.NotNull(engine.GetType("ImageTools.Models.VmInfo", throwOnError: true));
            Assert.NotNull(core.GetType("Azure.Core.TokenCredential", throwOnError: true));

            // Framework assemblies are not duplicated: the runtime's newer System.Text.Json serves everyone.
            var json = engineContext.LoadFromAssemblyName(new AssemblyName("System.Text.Json"));
            Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(json));

            // Only the engine is handed out through the host context; other names are not answered.
            Assert.Throws<FileNotFoundException>(() => host.LoadFromAssemblyName(new AssemblyName("Not.A.Dependency")));
            Assert.DoesNotContain(engineContext.Assemblies, a => a.GetName().Name == "System.Management.Automation");
        }
        finally
        {
            Unregister(resolverType);
        }
    }

    [Fact]
    public void After_Unregister_the_host_context_no_longer_finds_the_engine()
    {
        var (host, resolverType) = LoadModule("ps-host-2");
        Register(resolverType);
        Unregister(resolverType);

        Assert.Throws<FileNotFoundException>(() => host.LoadFromAssemblyName(new AssemblyName("ImageTools.Engine")));
    }

    [Fact]
    public void The_Windows_PowerShell_handler_answers_only_for_files_in_Dependencies()
    {
        var (_, resolverType) = LoadModule("ps-host-3");
        var resolver = Register(resolverType);
        try
        {
            var pathOf = resolverType.GetMethod("PathInDirectory")!;
            Assert.Equal(Path.Combine(Paths.Dependencies, "Azure.Identity.dll"), pathOf.Invoke(resolver, new object[] { "Azure.Identity" }));
            Assert.Null(pathOf.Invoke(resolver, new object[] { "System.Management.Automation" }));
            Assert.Null(pathOf.Invoke(resolver, new object[] { "../ImageTools" }));

            var handler = resolverType.GetMethod("OnAppDomainResolve")!;
            Assert.Null(handler.Invoke(resolver, new object?[] { null, new ResolveEventArgs("Newtonsoft.Json, Version=13.0.0.0") }));
            var identity = (Assembly)handler.Invoke(resolver, new object?[] { null, new ResolveEventArgs("Azure.Identity, Version=1.12.1.0, Culture=neutral, PublicKeyToken=92742159e12e44c8") })!;
            Assert.Equal("Azure.Identity", identity.GetName().Name);
            Assert.Equal(Path.Combine(Paths.Dependencies, "Azure.Identity.dll"), identity.Location);
        }
        finally
        {
            Unregister(resolverType);
        }
    }
}
