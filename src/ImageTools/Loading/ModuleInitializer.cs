using System.Management.Automation;

namespace ImageTools.Loading
{
    /// <summary>Import-Module / Remove-Module hooks: register and remove the dependency resolver.</summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        public void OnImport() => DependencyResolver.Register();

        public void OnRemove(PSModuleInfo psModuleInfo) => DependencyResolver.Unregister();
    }
}
