using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ImageTools.Engine.Gateway
{
    internal sealed class NicSpec
    {
        public string Id { get; set; } = "";
        public string Location { get; set; } = "";
        public string SubnetId { get; set; } = "";
        /// <summary>A public IP address id, or empty for none.</summary>
        public string PublicIpId { get; set; } = "";
        public Dictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();
    }
}
