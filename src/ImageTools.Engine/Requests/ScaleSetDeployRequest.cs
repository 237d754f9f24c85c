using System.Collections.Generic;
using System.Net;

namespace ImageTools.Engine.Requests
{
    /// <summary>New-VmssFromImage.</summary>
    public sealed class ScaleSetDeployRequest : OperationRequest
    {
        /// <summary>A managed image, a gallery version, or a gallery definition (latest).</summary>
        public ResourceReference Source { get; set; } = new ResourceReference();

        public string ResourceGroupName { get; set; } = "";

        /// <summary>The scale set's name.</summary>
        public string Name { get; set; } = "";

        /// <summary>Instances to create (sku.capacity), 0 to 1000.</summary>
        public int Capacity { get; set; } = 2;

        public string? Location { get; set; }
        public string VmSize { get; set; } = "Standard_D2s_v5";
        public string[] Zones { get; set; } = new string[0];

        /// <summary>Flexible (the default) or Uniform.</summary>
        public string OrchestrationMode { get; set; } = "Flexible";

        /// <summary>Manual (the default), Automatic or Rolling (adds the Application Health extension).</summary>
        public string UpgradePolicy { get; set; } = "Manual";

        /// <summary>Rolling: the share of instances upgraded per batch (5 to 100).</summary>
        public int MaxBatchInstancePercent { get; set; } = 20;

        /// <summary>Rolling: the port the Application Health extension probes (TCP, or HTTP with a path).</summary>
        public int HealthProbePort { get; set; } = 80;

        /// <summary>Rolling: an HTTP path to probe; empty probes the TCP port.</summary>
        public string? HealthProbePath { get; set; }

        /// <summary>The instances' computer name prefix; by default the scale set's name, cut to fit.</summary>
        public string? ComputerNamePrefix { get; set; }

        /// <summary>Administrator user and password (Windows, or Linux with password).</summary>
        public NetworkCredential? Credential { get; set; }

        /// <summary>Linux: SSH public key text.</summary>
        public string? SshPublicKey { get; set; }

        /// <summary>Existing subnet id; otherwise a VNet/subnet is created for the run.</summary>
        public string? SubnetId { get; set; }

        public Dictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();
    }
}
