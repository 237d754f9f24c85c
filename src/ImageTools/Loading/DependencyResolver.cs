using System;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace ImageTools.Loading
{
    /// <summary>
    /// Makes ImageTools.Engine and its Azure libraries (Dependencies/) reachable from the cmdlets
    /// without colliding with what other modules loaded (Az.Accounts brings its own Azure.Core,
    /// Azure.Identity, MSAL...).
    /// <list type="bullet">
    /// <item>PowerShell 7 (.NET): the engine loads into a private <see cref="EngineLoadContext"/>;
    /// the default context asks for it through its Resolving event, and only for it.</item>
    /// <item>Windows PowerShell 5.1 (.NET Framework): an AppDomain.AssemblyResolve handler that
    /// answers only for files in Dependencies, whatever version was asked for.</item>
    /// </list>
    /// The cmdlet types of ImageTools.dll must load without the engine (no engine base types,
    /// interfaces or value-type fields): PowerShell enumerates them before OnImport runs.
    /// </summary>
    public static class DependencyResolver
    {
        public const string EngineAssemblyName = "ImageTools.Engine";

        private static readonly object Gate = new object();
        private static bool _registered;

        /// <summary>The Dependencies folder beside ImageTools.dll.</summary>
        public static string DefaultDirectory =>
            Path.Combine(Path.GetDirectoryName(typeof(DependencyResolver).Assembly.Location) ?? ".", "Dependencies");

        /// <summary>True on .NET (PowerShell 7), where the private load context is used.</summary>
        public static bool OnCoreClr { get; } =
            Type.GetType("System.Runtime.Loader.AssemblyLoadContext, System.Runtime.Loader", throwOnError: false) != null;

        /// <summary>Registers the resolver once per process (Import-Module after Remove-Module reuses it).</summary>
        public static void Register()
        {
            lock (Gate)
            {
                if (_registered)
                    return;
                if (OnCoreClr)
                    AttachLoadContext();
                else
                    AppDomain.CurrentDomain.AssemblyResolve += OnAppDomainResolve;
                _registered = true;
            }
        }

        /// <summary>
        /// The only way to EngineLoadContext: compiled on its own, so that compiling Register on .NET
        /// Framework never loads a type derived from AssemblyLoadContext (which 5.1 does not have).
        /// </summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void AttachLoadContext() => EngineLoadContext.Attach(DefaultDirectory);

        private static Assembly? OnAppDomainResolve(object? sender, ResolveEventArgs args)
        {
            string? path = PathInDirectory(DefaultDirectory, new AssemblyName(args.Name).Name);
            return path == null ? null : Assembly.LoadFrom(path);
        }

        /// <summary>The file of that simple name in <paramref name="directory"/>, or null.</summary>
        public static string? PathInDirectory(string directory, string? simpleName)
        {
            if (string.IsNullOrEmpty(simpleName) || simpleName!.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
                return null;
            string path = Path.Combine(directory, simpleName + ".dll");
            return File.Exists(path) ? path : null;
        }
    }
}
