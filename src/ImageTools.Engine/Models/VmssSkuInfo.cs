namespace ImageTools.Models
{
    /// <summary>A scale set's sku, as Az's PSVirtualMachineScaleSet.Sku names it.</summary>
    public sealed class VmssSkuInfo
    {
        /// <summary>The VM size of every instance.</summary>
        public string Name { get; set; } = "";
        public string Tier { get; set; } = "";

        /// <summary>The number of instances.</summary>
        public int Capacity { get; set; }

        public override string ToString() => $"{Name} x{Capacity}";
    }
}
