namespace ImageTools.Models
{
    /// <summary>A scale set's upgrade policy, as Az's PSVirtualMachineScaleSet.UpgradePolicy names it.</summary>
    public sealed class VmssUpgradePolicyInfo
    {
        /// <summary>Manual, Automatic or Rolling.</summary>
        public string Mode { get; set; } = "";

        /// <summary>Rolling: the share of instances upgraded per batch.</summary>
        public int MaxBatchInstancePercent { get; set; }

        public override string ToString() => Mode;
    }
}
