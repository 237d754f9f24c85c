namespace ImageTools.Engine.Gateway
{
    /// <summary>One instance of a scale set: a Uniform instance, or a virtual machine of a Flexible one.</summary>
    internal sealed class ScaleSetInstanceState
    {
        public ArmId Id { get; set; } = null!;
        public string Name { get; set; } = "";

        /// <summary>Uniform: the instance id (0, 1...); Flexible: the VM's name.</summary>
        public string InstanceId { get; set; } = "";
        public string ComputerName { get; set; } = "";
        public string ProvisioningState { get; set; } = "";

        /// <summary>storageProfile.imageReference.id of the instance.</summary>
        public string ImageId { get; set; } = "";

        /// <summary>storageProfile.imageReference.exactVersion: the gallery version the instance runs.</summary>
        public string ExactVersion { get; set; } = "";

        /// <summary>Uniform only: whether the instance runs the scale set's latest model; null for Flexible.</summary>
        public bool? LatestModelApplied { get; set; }
    }
}
