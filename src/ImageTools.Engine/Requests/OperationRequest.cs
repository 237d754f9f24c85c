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
}
