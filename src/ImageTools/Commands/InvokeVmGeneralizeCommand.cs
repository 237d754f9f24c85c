using System;
using System.Management.Automation;
using ImageTools.Engine.Requests;
using ImageTools.Models;

namespace ImageTools.Commands
{
    /// <summary>Invoke-VmGeneralize: Sysprep / waagent deprovision in the guest, verified; deallocate; mark generalized.</summary>
    [Cmdlet(VerbsLifecycle.Invoke, "VmGeneralize", DefaultParameterSetName = ByNameSet,
        SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(VmInfo))]
    public sealed class InvokeVmGeneralizeCommand : ImageToolsResourceCmdlet
    {
        [Parameter] public SwitchParameter Force { get; set; }
        /// <summary>A string, not the engine's enum: cmdlet types must load before the engine is reachable.</summary>
        [Parameter] [ValidateSet("Auto", "Sysprep", "Deprovision")] public string Method { get; set; } = "Auto";
        [Parameter] public SwitchParameter SkipSnapshot { get; set; }
        [Parameter] public int SnapshotRetentionDays { get; set; } = GeneralizeRequest.DefaultSnapshotRetentionDays;
        [Parameter] public SwitchParameter Start { get; set; }
        [Parameter] public SwitchParameter CloudInitClean { get; set; }
        [Parameter] public TimeSpan GuestTimeout { get; set; } = TimeSpan.FromMinutes(30);
        [Parameter] public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromMinutes(10);
        [Parameter] public SwitchParameter Clone { get; set; }
        [Parameter] public string? CloneName { get; set; }
        /// <summary>The longest pause between two reads of the guest; unbound, the engine's default (10 s).</summary>
        [Parameter] public TimeSpan GuestPollInterval { get; set; } = TimeSpan.FromSeconds(10);
        [Parameter] public SwitchParameter AsJob { get; set; }

        protected override void ProcessRecord()
        {
            var request = new GeneralizeRequest
            {
                SubscriptionId = SubscriptionId, Vm = Target, Method = (GeneralizeMethod)Enum.Parse(typeof(GeneralizeMethod), Method, ignoreCase: true), SkipSnapshot = SkipSnapshot, StartIfStopped = Start,
                SnapshotRetentionDays = SnapshotRetentionDays,
                CloudInitClean = CloudInitClean, Clone = Clone, CloneName = CloneName, GuestTimeout = GuestTimeout, ShutdownTimeout = ShutdownTimeout,
                GuestPollInterval = MyInvocation.BoundParameters.ContainsKey(nameof(GuestPollInterval)) ? GuestPollInterval : (TimeSpan?)null,
            };
            RunOperation((engine, sink, ct) => engine.PrepareGeneralizeAsync(request, sink, ct), Force, AsJob);
        }
    }
}
