using System;
using System.Collections.Generic;
using System.Linq;

namespace ImageTools.Engine.Gateway
{
    // Plain records of Azure state, read by the gateway and judged by the rules. Nothing here
    // is an SDK type: rules and operations never see Azure.ResourceManager.

    /// <summary>One disk as a VM's storage profile lists it.</summary>
    internal sealed class VmDiskState
    {
        public string Name { get; set; } = "";
        /// <summary>-1 for the OS disk.</summary>
        public int Lun { get; set; } = -1;
        /// <summary>The managed disk id; empty for an unmanaged (VHD) disk.</summary>
        public string ManagedDiskId { get; set; } = "";
        /// <summary>The page blob of an unmanaged disk.</summary>
        public string VhdUri { get; set; } = "";
        public bool IsManaged => ManagedDiskId.Length > 0;
    }

    /// <summary>
    /// A VM as one GET with $expand=instanceView shows it: model and instance view together.
    /// </summary>
    internal sealed class VmState
    {
        public string Id { get; set; } = "";
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
        public string PowerState { get; set; } = "unknown";

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

    /// <summary>A managed disk.</summary>
    internal sealed class DiskState
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public string Location { get; set; } = "";
        public string[] Zones { get; set; } = Array.Empty<string>();
        public Dictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();
        public string ProvisioningState { get; set; } = "";
        /// <summary>Windows, Linux or empty for a data disk.</summary>
        public string OsType { get; set; } = "";
        public string HyperVGeneration { get; set; } = "";
        /// <summary>Standard, TrustedLaunch, ConfidentialVM... from the disk's security profile; Standard when absent.</summary>
        public string SecurityType { get; set; } = "Standard";
        /// <summary>Attached, Reserved, Unattached...</summary>
        public string AttachState { get; set; } = "";
        public string ManagedBy { get; set; } = "";
        public string SkuName { get; set; } = "";
    }

    /// <summary>A snapshot of a managed disk.</summary>
    internal sealed class SnapshotState
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public string Location { get; set; } = "";
        public Dictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();
        public string ProvisioningState { get; set; } = "";
        public string OsType { get; set; } = "";
        public string HyperVGeneration { get; set; } = "";
        public string SecurityType { get; set; } = "Standard";
        /// <summary>The disk (or snapshot) it was copied from.</summary>
        public string SourceResourceId { get; set; } = "";
    }

    /// <summary>A managed image.</summary>
    internal sealed class ImageState
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public string ResourceGroupName { get; set; } = "";
        public string SubscriptionId { get; set; } = "";
        public string Location { get; set; } = "";
        public Dictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();
        public string ProvisioningState { get; set; } = "";
        public string HyperVGeneration { get; set; } = "";
        public string OsType { get; set; } = "";
        public string OsState { get; set; } = "";
        public bool ZoneResilient { get; set; }
        /// <summary>The VM it was captured from; empty when made from disks or snapshots.</summary>
        public string SourceVirtualMachineId { get; set; } = "";
        /// <summary>The OS disk's source: a managed disk or snapshot id.</summary>
        public string OsDiskSourceId { get; set; } = "";
        public int[] DataDiskLuns { get; set; } = Array.Empty<int>();

        /// <summary>What the image was made from: the VM when there is one, else the OS disk's source.</summary>
        public string SourceId => SourceVirtualMachineId.Length > 0 ? SourceVirtualMachineId : OsDiskSourceId;
    }

    /// <summary>What to snapshot and where.</summary>
    internal sealed class SnapshotSpec
    {
        public string SubscriptionId { get; set; } = "";
        public string ResourceGroupName { get; set; } = "";
        public string Name { get; set; } = "";
        public string Location { get; set; } = "";
        public string SourceDiskId { get; set; } = "";
        public string OsType { get; set; } = "";
        public string HyperVGeneration { get; set; } = "";
        public Dictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();
    }

    /// <summary>One data disk of an image made from disks or snapshots.</summary>
    internal sealed class ImageDataDiskSpec
    {
        public int Lun { get; set; }
        /// <summary>A managed disk or snapshot id.</summary>
        public string SourceId { get; set; } = "";
        public bool IsSnapshot { get; set; }
    }

    /// <summary>A managed image to create: from a VM, or from an OS disk/snapshot plus data disks.</summary>
    internal sealed class ImageSpec
    {
        public string SubscriptionId { get; set; } = "";
        public string ResourceGroupName { get; set; } = "";
        public string Name { get; set; } = "";
        public string Location { get; set; } = "";
        public string HyperVGeneration { get; set; } = "";
        public bool ZoneResilient { get; set; }
        public Dictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();
        public string SourceVirtualMachineId { get; set; } = "";
        public string OsDiskSourceId { get; set; } = "";
        public bool OsDiskIsSnapshot { get; set; }
        public string OsType { get; set; } = "";
        public string OsState { get; set; } = "Generalized";
        public List<ImageDataDiskSpec> DataDisks { get; set; } = new List<ImageDataDiskSpec>();
    }

    /// <summary>What a run command answered: its statuses' codes and messages (StdOut / StdErr).</summary>
    internal sealed class GuestCommandResult
    {
        public string StdOut { get; set; } = "";
        public string StdErr { get; set; } = "";
        public string[] Codes { get; set; } = Array.Empty<string>();

        /// <summary>
        /// Linux only: the status text before its [stdout]/[stderr] sections, e.g. "Enable succeeded:"
        /// or "Enable failed: failed to execute command: command terminated with exit status=1".
        /// </summary>
        public string Summary { get; set; } = "";
    }

    /// <summary>A subscription the connection can reach.</summary>
    internal sealed class SubscriptionState
    {
        public string SubscriptionId { get; set; } = "";
        public string TenantId { get; set; } = "";
        public string DisplayName { get; set; } = "";
    }
}
