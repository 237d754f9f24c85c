using System;
using System.Collections.Generic;
using System.Net;

namespace ImageTools.Engine.Requests
{
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

        /// <summary>
        /// Delete a source VM (typically a clone) with the disks, NICs and public IPs it owns once the
        /// version reads Succeeded in every target region (-DeleteSourceVm); its snapshots are kept.
        /// </summary>
        public bool DeleteSourceVm { get; set; }

        /// <summary>
        /// The caller states that the guest of a source VM flagged generalized was generalized (Sysprep or
        /// waagent) outside ImageTools: no GeneralizedWithoutEvidence warning (-GuestGeneralized).
        /// </summary>
        public bool GuestGeneralized { get; set; }

        public TimeSpan ReplicationTimeout { get; set; } = TimeSpan.FromHours(6);
    }
}
