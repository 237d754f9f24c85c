using System;
using System.Collections.Generic;
using System.Net;

namespace ImageTools.Engine.Requests
{
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
