using System;
using System.Collections.Generic;
using System.Linq;

namespace ImageTools.Engine.Gateway
{
    /// <summary>A subscription the connection can reach.</summary>
    internal sealed class SubscriptionState
    {
        public string SubscriptionId { get; set; } = "";
        public string TenantId { get; set; } = "";
        public string DisplayName { get; set; } = "";
    }
}
