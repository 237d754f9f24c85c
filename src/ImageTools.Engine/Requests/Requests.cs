using System;
using System.Collections.Generic;
using System.Net;

namespace ImageTools.Engine.Requests
{
    /// <summary>Parameters every cmdlet shares.</summary>
    public abstract class OperationRequest
    {
        /// <summary>Overrides the session's subscription (-SubscriptionId).</summary>
        public string? SubscriptionId { get; set; }
    }

    /// <summary>How the guest is generalized from inside.</summary>
    public enum GeneralizeMethod
    {
        /// <summary>Sysprep on Windows, waagent deprovisioning on Linux.</summary>
        Auto,
        Sysprep,
        Deprovision,
    }

    /// <summary>Invoke-VmGeneralize.</summary>
    public sealed class GeneralizeRequest : OperationRequest
    {
        public ResourceReference Vm { get; set; } = new ResourceReference();

        /// <summary>Auto (default) picks by the VM's OS type; asking for the other OS's method is refused.</summary>
        public GeneralizeMethod Method { get; set; } = GeneralizeMethod.Auto;

        /// <summary>Snapshots of the OS and data disks first; on unless -SkipSnapshot.</summary>
        public bool SkipSnapshot { get; set; }

        /// <summary>Start a stopped VM when the guest step still needs it (-Start).</summary>
        public bool StartIfStopped { get; set; }

        /// <summary>Linux: run "cloud-init clean --logs" in addition to the agent's deprovision.</summary>
        public bool CloudInitClean { get; set; }

        /// <summary>How long Sysprep / deprovision may take in the guest before the step fails.</summary>
        public TimeSpan GuestTimeout { get; set; } = TimeSpan.FromMinutes(30);

        /// <summary>How long the platform's power-off may take once the guest step's evidence was read.</summary>
        public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromMinutes(10);
    }

    /// <summary>New-CapturedImage.</summary>
    public sealed class CaptureRequest : OperationRequest
    {
        /// <summary>A generalized VM, a snapshot or a managed disk.</summary>
        public ResourceReference Source { get; set; } = new ResourceReference();

        /// <summary>Image name; defaults to "&lt;source name&gt;-image".</summary>
        public string? ImageName { get; set; }

        /// <summary>Image resource group; defaults to the source's.</summary>
        public string? ResourceGroupName { get; set; }

        public string? Location { get; set; }

        /// <summary>V1 or V2; default = the source's.</summary>
        public string? HyperVGeneration { get; set; }

        /// <summary>For snapshot/disk sources whose disk does not say: Windows or Linux.</summary>
        public string? OsType { get; set; }

        /// <summary>For snapshot/disk sources: Generalized (default) or Specialized.</summary>
        public string? OsState { get; set; }

        /// <summary>For snapshot/disk sources: data disks (managed disk or snapshot ids) carried as LUN 0, 1, 2... in this order.</summary>
        public List<string> DataDiskSourceIds { get; set; } = new List<string>();

        public bool ZoneResilient { get; set; }
        public Dictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();

        /// <summary>Deallocate a stopped-not-deallocated source VM first (-Deallocate).</summary>
        public bool Deallocate { get; set; }

        /// <summary>Replace an existing image of that name made from another source.</summary>
        public bool Replace { get; set; }

        /// <summary>Delete the source VM once the image reads Succeeded.</summary>
        public bool DeleteSourceVm { get; set; }
    }

    /// <summary>One -TargetRegion entry.</summary>
    public sealed class TargetRegionRequest
    {
        public string Name { get; set; } = "";
        public int? ReplicaCount { get; set; }
        public string? StorageAccountType { get; set; }
        public bool? ExcludeFromLatest { get; set; }
    }

    /// <summary>Publish-GalleryVersion.</summary>
    public sealed class PublishRequest : OperationRequest
    {
        /// <summary>A managed image, a VM, a snapshot/disk, or another gallery version.</summary>
        public ResourceReference Source { get; set; } = new ResourceReference();

        public string GalleryResourceGroupName { get; set; } = "";
        public string GalleryName { get; set; } = "";
        public string DefinitionName { get; set; } = "";

        /// <summary>"Major.Minor.Patch" or "auto" (next patch after the highest existing).</summary>
        public string Version { get; set; } = "auto";

        /// <summary>Gallery/definition location when they must be created; default = the source's.</summary>
        public string? Location { get; set; }

        public string? Publisher { get; set; }
        public string? Offer { get; set; }
        public string? Sku { get; set; }
        public string? OsType { get; set; }
        public string? OsState { get; set; }
        public string? HyperVGeneration { get; set; }
        public string? SecurityType { get; set; }

        public List<TargetRegionRequest> TargetRegions { get; set; } = new List<TargetRegionRequest>();
        public int? ReplicaCount { get; set; }
        public string? StorageAccountType { get; set; }
        public bool ExcludeFromLatest { get; set; }
        public DateTimeOffset? EndOfLifeDate { get; set; }
        public Dictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();

        /// <summary>Return once ARM accepted the version, without waiting for replication.</summary>
        public bool NoWait { get; set; }

        public TimeSpan ReplicationTimeout { get; set; } = TimeSpan.FromHours(6);
    }

    /// <summary>New-VmFromImage.</summary>
    public sealed class DeployRequest : OperationRequest
    {
        /// <summary>A managed image, a gallery version, or a gallery definition (latest).</summary>
        public ResourceReference Source { get; set; } = new ResourceReference();

        public string ResourceGroupName { get; set; } = "";

        /// <summary>The VM name, or the prefix of generated names when Count &gt; 1.</summary>
        public string Name { get; set; } = "";

        public int Count { get; set; } = 1;
        public int ThrottleLimit { get; set; } = 10;
        public string? Location { get; set; }
        public string VmSize { get; set; } = "Standard_D2s_v5";
        public string[] Zones { get; set; } = new string[0];

        /// <summary>Administrator user and password (Windows, or Linux with password).</summary>
        public NetworkCredential? Credential { get; set; }

        /// <summary>Linux: SSH public key text.</summary>
        public string? SshPublicKey { get; set; }

        /// <summary>Existing subnet id; otherwise a VNet/subnet is created for the run.</summary>
        public string? SubnetId { get; set; }

        public bool PublicIp { get; set; }

        /// <summary>Allows Count &gt; 1 from a specialized source (copies share computer name and SID).</summary>
        public bool AllowSpecializedCopies { get; set; }

        public Dictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();
    }
}
