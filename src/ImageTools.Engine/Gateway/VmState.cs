using System;
using System.Collections.Generic;
using System.Linq;

namespace ImageTools.Engine.Gateway
{
    /// <summary>
    /// A VM as one GET with $expand=instanceView shows it: model and instance view together.
    /// </summary>
    internal sealed class VmState
    {
        public ArmId Id { get; set; } = null!;
        public string Name { get; set; } = "";
        public string ResourceGroupName { get; set; } = "";
        public string SubscriptionId { get; set; } = "";
        public string Location { get; set; } = "";
        public string[] Zones { get; set; } = Array.Empty<string>();
        public Dictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();
        public string ProvisioningState { get; set; } = "";
        public string VmSize { get; set; } = "";
        public string ComputerName { get; set; } = "";

        /// <summary>running, stopped, deallocated, starting, stopping, deallocating or unknown.</summary>
        public VmPowerState PowerState { get; set; }

        /// <summary>True when the instance view carries OSState/generalized.</summary>
        public bool IsGeneralized { get; set; }

        /// <summary>Windows or Linux.</summary>
        public string OsType { get; set; } = "";

        /// <summary>V1 or V2 (the instance view's, else the OS disk's, else empty).</summary>
        public string HyperVGeneration { get; set; } = "";

        /// <summary>Standard, TrustedLaunch or ConfidentialVM.</summary>
        public string SecurityType { get; set; } = "Standard";

        public VmDiskState OsDisk { get; set; } = new VmDiskState();
        public List<VmDiskState> DataDisks { get; set; } = new List<VmDiskState>();
        public bool HasUnmanagedDisks => !OsDisk.IsManaged || DataDisks.Any(d => !d.IsManaged);

        /// <summary>The scale set the VM belongs to (flexible orchestration), empty when standalone.</summary>
        public string ScaleSetId { get; set; } = "";

        /// <summary>The guest agent's display status ("Ready", "Not Ready"...); empty when it never reported.</summary>
        public string AgentStatus { get; set; } = "";
        public bool AgentReady => string.Equals(AgentStatus, "Ready", StringComparison.OrdinalIgnoreCase);

        /// <summary>The image, gallery version or marketplace URN the VM was created from.</summary>
        public string SourceImage { get; set; } = "";
        public string[] NetworkInterfaceIds { get; set; } = Array.Empty<string>();
    }
}
