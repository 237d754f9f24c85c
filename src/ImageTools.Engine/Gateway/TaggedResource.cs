using System;
using System.Collections.Generic;

namespace ImageTools.Engine.Gateway
{
    /// <summary>
    /// A resource as the resource list shows it (id, type, location, tags); read one by one, also
    /// what it is attached to (a NIC's VM, a public IP's IP configuration).
    /// </summary>
    internal sealed class TaggedResource
    {
        public ArmId Id { get; set; } = null!;
        public string Type { get; set; } = "";
        public string Location { get; set; } = "";
        public Dictionary<string, string> Tags { get; set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>What uses it, when it was read one by one; empty from a list.</summary>
        public List<string> AttachedTo { get; } = new List<string>();
    }
}
