using System;
using System.Collections.Generic;
using System.Net;

namespace ImageTools.Engine.Requests
{
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

        /// <summary>
        /// The caller states that the guest of a source VM flagged generalized was generalized (Sysprep or
        /// waagent) outside ImageTools: no GeneralizedWithoutEvidence warning (-GuestGeneralized).
        /// </summary>
        public bool GuestGeneralized { get; set; }
    }
}
