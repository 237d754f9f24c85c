using System.Management.Automation;
using ImageTools.Completion;
using ImageTools.Engine.Requests;
using ImageTools.Hosting;
using ImageTools.Models;

namespace ImageTools.Commands
{
    /// <summary>
    /// Remove-GalleryVersion: the versions named, or every version but the newest N (-KeepLatest);
    /// never the one `latest` resolves to, nor (without -Force) one a VM or scale set was built from.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "GalleryVersion", DefaultParameterSetName = ByNameSet,
        SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(GalleryVersionInfo))]
    public sealed class RemoveGalleryVersionCommand : GalleryVersionCmdlet
    {
        /// <summary>Version numbers to remove.</summary>
        [Parameter(Position = 3)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ExistingVersionCompleter))]
        public string[]? Name { get; set; }

        /// <summary>Keep the N highest version numbers (and always the latest and those in use); remove the others.</summary>
        [Parameter] [ValidateRange(0, 10000)] public int? KeepLatest { get; set; }

        /// <summary>Also remove versions VMs or scale sets were built from, and do not ask.</summary>
        [Parameter] public SwitchParameter Force { get; set; }

        /// <summary>Emits each version removed, as it was read before its removal.</summary>
        [Parameter] public SwitchParameter PassThru { get; set; }

        protected override string[] VersionNames => Name ?? new string[0];

        protected override void ProcessRecord()
        {
            var request = new RemoveVersionsRequest { KeepLatest = KeepLatest, Force = Force, PassThru = PassThru }
                .Bind(ParameterSetName == ByIdSet, ResourceId, ResourceGroupName, GalleryName, DefinitionName, VersionNames, SubscriptionId);
            RunOperation((engine, sink, ct) => engine.PrepareRemoveVersionsAsync(request, sink, ct), Force);
        }
    }
}
