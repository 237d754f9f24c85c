using System;
using System.Collections.Generic;

namespace ImageTools.Engine.Requests
{
    /// <summary>Copy-CapturedImage: a managed image copied to another resource group or region.</summary>
    public sealed class CopyRequest : OperationRequest
    {
        /// <summary>The managed image to copy.</summary>
        public ResourceReference Source { get; set; } = new ResourceReference();

        /// <summary>The copy's resource group; defaults to the source's.</summary>
        public string? TargetResourceGroupName { get; set; }

        /// <summary>The copy's region; defaults to the source's.</summary>
        public string? TargetLocation { get; set; }

        /// <summary>The copy's name; defaults to the source's.</summary>
        public string? TargetName { get; set; }

        public Dictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();

        /// <summary>How long the snapshot copies to another region may take.</summary>
        public TimeSpan CopyTimeout { get; set; } = TimeSpan.FromHours(6);
    }
}
