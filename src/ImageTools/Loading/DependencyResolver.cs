using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace ImageTools.Loading
{
    /// <summary>
    /// Loads ImageTools.Engine and its Azure dependencies from the module's Dependencies folder
    /// without colliding with other modules (Az.Accounts ships its own Azure.Core, MSAL...).
    /// PowerShell 7: the engine and every dependency the runtime does not already provide load
    /// into a private AssemblyLoadContext, reached from the cmdlets' context through its
    /// Resolving event. Windows PowerShell 5.1: an AppDomain.AssemblyResolve handler that answers
    /// only for files present in Dependencies. AssemblyLoadContext is not in netstandard2.0, so
    /// it is reached by reflection. Nothing here touches PowerShell types, so tests load it as is.
    /// </summary>
    public sealed class DependencyResolver
    {
        public const string EngineAssemblyName = "ImageTools.Engine";
        public const string PrivateContextName = "ImageTools";

        private static readonly object Gate = new object();
        private static DependencyResolver? _current;

        private readonly string _directory;
        private readonly Type? _alcType;
        private object? _privateContext;
        private object? _hostContext;
        private Delegate? _resolvingHandler;
        private ResolveEventHandler? _appDomainHandler;

        private DependencyResolver(string directory)
        {
            _directory = Path.GetFullPath(directory);
            _alcType = Type.GetType("System.Runtime.Loader.AssemblyLoadContext, System.Runtime.Loader", throwOnError: false);
        }

        /// <summary>The Dependencies folder beside this assembly (out/ImageTools/Dependencies).</summary>
        public static string DefaultDirectory =>
            Path.Combine(Path.GetDirectoryName(typeof(DependencyResolver).Assembly.Location) ?? ".", "Dependencies");

        /// <summary>True when running on .NET (PowerShell 7), where a private load context is used.</summary>
        public bool UsesLoadContext => _alcType != null;

        /// <summary>The private AssemblyLoadContext (PowerShell 7), once the engine was requested.</summary>
        public object? PrivateContext => _privateContext;

        /// <summary>Registers the resolver once per process; later calls return the registered one.</summary>
        public static DependencyResolver Register(string? directory = null)
        {
            lock (Gate)
            {
                if (_current == null)
                {
                    var resolver = new DependencyResolver(directory ?? DefaultDirectory);
                    resolver.Attach();
                    _current = resolver;
                }
                return _current;
            }
        }

        /// <summary>Removes the handler (module removal). The loaded assemblies stay loaded, as .NET requires.</summary>
        public static void Unregister()
        {
            lock (Gate)
            {
                _current?.Detach();
                _current = null;
            }
        }

        private void Attach()
        {
            if (_alcType != null)
            {
                // The context that loaded the cmdlets (PowerShell's default one) asks us for the engine.
                _hostContext = _alcType.GetMethod("GetLoadContext", new[] { typeof(Assembly) })!
                    .Invoke(null, new object[] { typeof(DependencyResolver).Assembly });
                EventInfo resolving = _alcType.GetEvent("Resolving")!;
                MethodInfo handler = typeof(DependencyResolver).GetMethod(nameof(OnHostContextResolving),
                    BindingFlags.Instance | BindingFlags.NonPublic)!;
                _resolvingHandler = Delegate.CreateDelegate(resolving.EventHandlerType!, this, handler);
                resolving.AddEventHandler(_hostContext, _resolvingHandler);
            }
            else
            {
                _appDomainHandler = OnAppDomainResolve;
                AppDomain.CurrentDomain.AssemblyResolve += _appDomainHandler;
            }
        }

        private void Detach()
        {
            if (_resolvingHandler != null && _hostContext != null)
                _alcType!.GetEvent("Resolving")!.RemoveEventHandler(_hostContext, _resolvingHandler);
            if (_appDomainHandler != null)
                AppDomain.CurrentDomain.AssemblyResolve -= _appDomainHandler;
            _resolvingHandler = null;
            _appDomainHandler = null;
        }

        /// <summary>PowerShell 7: only the engine is handed to the cmdlets' context; it comes from the private one.</summary>
        private Assembly? OnHostContextResolving(object context, AssemblyName name)
        {
            if (!string.Equals(name.Name, EngineAssemblyName, StringComparison.OrdinalIgnoreCase))
                return null;
            return LoadEngineIntoPrivateContext();
        }

        /// <summary>
        /// Windows PowerShell 5.1: answers only for assemblies shipped in Dependencies, whatever
        /// version was asked for (which stands in for the binding redirects a module cannot ship).
        /// </summary>
        public Assembly? OnAppDomainResolve(object? sender, ResolveEventArgs args)
        {
            string? path = PathInDirectory(new AssemblyName(args.Name).Name);
            return path == null ? null : Assembly.LoadFrom(path);
        }

        /// <summary>The file of that simple name in Dependencies, or null.</summary>
        public string? PathInDirectory(string? simpleName)
        {
            if (string.IsNullOrEmpty(simpleName) || simpleName!.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
                return null;
            string path = Path.Combine(_directory, simpleName + ".dll");
            return File.Exists(path) ? path : null;
        }

        /// <summary>
        /// Creates the private context on first use and loads into it, eagerly, every Dependencies
        /// assembly the runtime does not provide at that version or higher: a context looks in
        /// its own loaded assemblies first, so Azure.Core and the rest always come from here even
        /// when another module loaded its own copies into the default context. Framework assemblies
        /// (System.Text.Json, System.Memory...) fall through to the runtime's newer builds.
        /// </summary>
        public Assembly LoadEngineIntoPrivateContext()
        {
            lock (Gate)
            {
                if (_alcType == null)
                    throw new PlatformNotSupportedException("AssemblyLoadContext exists on .NET (PowerShell 7) only.");
                if (_privateContext == null)
                {
                    object context = Activator.CreateInstance(_alcType, PrivateContextName, false)!;
                    MethodInfo loadFromPath = _alcType.GetMethod("LoadFromAssemblyPath", new[] { typeof(string) })!;
                    HashSet<string> framework = FrameworkAssemblies();
                    foreach (string file in Directory.GetFiles(_directory, "*.dll"))
                    {
                        if (!ProvidedByRuntime(file, framework))
                            loadFromPath.Invoke(context, new object[] { file });
                    }
                    _privateContext = context;
                }
                MethodInfo loadByName = _alcType.GetMethod("LoadFromAssemblyName", new[] { typeof(AssemblyName) })!;
                return (Assembly)loadByName.Invoke(_privateContext, new object[] { new AssemblyName(EngineAssemblyName) })!;
            }
        }

        private static bool ProvidedByRuntime(string file, HashSet<string> framework)
        {
            string name = Path.GetFileNameWithoutExtension(file);
            if (!framework.Contains(name))
                return false;
            try
            {
                Version? ours = AssemblyName.GetAssemblyName(file).Version;
                Version? theirs = Assembly.Load(new AssemblyName(name)).GetName().Version;
                return ours == null || (theirs != null && theirs >= ours);
            }
            catch (Exception ex) when (ex is IOException || ex is BadImageFormatException)
            {
                return false;
            }
        }

        /// <summary>Simple names of the runtime's trusted platform assemblies (the shared framework and the host's own).</summary>
        private static HashSet<string> FrameworkAssemblies()
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            string list = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "";
            foreach (string path in list.Split(Path.PathSeparator))
            {
                if (path.Length > 0)
                    names.Add(Path.GetFileNameWithoutExtension(path));
            }
            return names;
        }
    }
}
