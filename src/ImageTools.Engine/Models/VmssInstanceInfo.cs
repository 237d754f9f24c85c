namespace ImageTools.Models
{
    /// <summary>One instance of a scale set: a Uniform instance, or a virtual machine of a Flexible one.</summary>
    public sealed class VmssInstanceInfo
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";

        /// <summary>Uniform: 0, 1...; Flexible: the VM's name.</summary>
        public string InstanceId { get; set; } = "";
        public string ComputerName { get; set; } = "";
        public string ProvisioningState { get; set; } = "";

        /// <summary>The image the instance runs: its gallery version (exact version) or managed image.</summary>
        public string SourceImageId { get; set; } = "";

        /// <summary>Whether it runs the scale set's latest model (Flexible: whether its image is the model's).</summary>
        public bool LatestModelApplied { get; set; }

        public override string ToString() => Name;
    }
}
