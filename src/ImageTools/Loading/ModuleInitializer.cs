using System.Management.Automation;

namespace ImageTools.Loading
{
    /// <summary>Import-Module hook: makes the engine reachable before any cmdlet runs.</summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer
    {
        public void OnImport() => DependencyResolver.Register();
    }
}
