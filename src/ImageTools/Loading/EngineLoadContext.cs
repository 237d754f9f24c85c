using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace ImageTools.Loading
{
    /// <summary>
    /// PowerShell 7 only (never touched on .NET Framework, which has no AssemblyLoadContext): the
    /// private context of the engine. It prefers its own copy of every Dependencies assembly
    /// (Azure.Core, Azure.Identity, MSAL...) over anything in the default context, and leaves to
    /// the runtime the framework assemblies it already has at the same or a newer version
    /// (System.Memory, System.Text.Json...), so types shared with the host stay one type.
    /// </summary>
    public sealed class EngineLoadContext : AssemblyLoadContext
    {
        private static EngineLoadContext? _instance;
        private readonly string _directory;
        private readonly Dictionary<string, Version?> _framework;

        private EngineLoadContext(string directory)
        {
            _directory = directory;
            _framework = FrameworkVersions();
        }

        /// <summary>The context, once the engine was asked for; null before.</summary>
        public static EngineLoadContext? Instance => _instance;

        /// <summary>Hands the engine to the default context when the cmdlets first need it.</summary>
        public static void Attach(string directory)
        {
            _instance = new EngineLoadContext(Path.GetFullPath(directory));
            Default.Resolving += (context, name) =>
                string.Equals(name.Name, DependencyResolver.EngineAssemblyName, StringComparison.OrdinalIgnoreCase)
                    ? _instance.LoadFromAssemblyName(name)
                    : null;
        }

        protected override Assembly? Load(AssemblyName name)
        {
            string? path = DependencyResolver.PathInDirectory(_directory, name.Name);
            if (path == null || ProvidedByRuntime(name.Name!, path))
                return null;
            return LoadFromAssemblyPath(path);
        }

        private bool ProvidedByRuntime(string simpleName, string path)
        {
            if (!_framework.TryGetValue(simpleName, out Version? theirs))
                return false;
            Version? ours = AssemblyName.GetAssemblyName(path).Version;
            return ours == null || (theirs != null && theirs >= ours);
        }

        /// <summary>Assembly versions of the runtime's trusted platform assemblies (the framework and the host's own).</summary>
        private static Dictionary<string, Version?> FrameworkVersions()
        {
            var versions = new Dictionary<string, Version?>(StringComparer.OrdinalIgnoreCase);
            string list = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "";
            foreach (string file in list.Split(Path.PathSeparator))
            {
                if (file.Length == 0)
                    continue;
                try { versions[Path.GetFileNameWithoutExtension(file)] = AssemblyName.GetAssemblyName(file).Version; }
                catch (Exception ex) when (ex is IOException || ex is BadImageFormatException) { }
            }
            return versions;
        }
    }
}
