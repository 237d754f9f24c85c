using System;
using System.Management.Automation;
using ImageTools.Engine.Requests;
using ImageTools.Models;

namespace ImageTools.Commands
{
    /// <summary>Undo-VmGeneralize: a VM restored from its pre-generalize snapshots (the way back when Sysprep fails).</summary>
    [Cmdlet(VerbsCommon.Undo, "VmGeneralize", DefaultParameterSetName = ByNameSet,
        SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(VmInfo))]
    public sealed class UndoVmGeneralizeCommand : ImageToolsResourceCmdlet
    {
        [Parameter] public string? NewVmName { get; set; }
        [Parameter] public TimeSpan GuestTimeout { get; set; } = TimeSpan.FromMinutes(30);
        [Parameter] public SwitchParameter Force { get; set; }
        [Parameter] public SwitchParameter AsJob { get; set; }

        protected override void ProcessRecord()
        {
            var request = new RestoreRequest { SubscriptionId = SubscriptionId, Vm = Target, NewVmName = NewVmName, GuestTimeout = GuestTimeout };
            RunOperation((engine, sink, ct) => engine.PrepareRestoreAsync(request, sink, ct), Force, AsJob);
        }
    }
}
