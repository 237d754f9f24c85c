using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ImageTools.Engine.Gateway
{
    /// <summary>One virtualMachines resource SKU: the size's quota family and capabilities.</summary>
    internal sealed class VmSkuState
    {
        public string Name { get; set; } = "";
        /// <summary>The usages name of the size's quota family (standardDSv5Family); empty when the SKU does not say.</summary>
        public string Family { get; set; } = "";
        /// <summary>The HyperVGenerations capability split ("V1", "V2"); empty when the SKU does not list it.</summary>
        public IReadOnlyList<string> HyperVGenerations { get; set; } = Array.Empty<string>();
    }
}
