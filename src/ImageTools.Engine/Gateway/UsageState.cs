using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ImageTools.Engine.Gateway
{
    /// <summary>One row of a location's compute usages.</summary>
    internal sealed class UsageState
    {
        /// <summary>"cores" for total regional vCPUs, else a family such as "standardDSv5Family".</summary>
        public string Name { get; set; } = "";
        public string LocalizedName { get; set; } = "";
        public long Current { get; set; }
        public long Limit { get; set; }
    }
}
