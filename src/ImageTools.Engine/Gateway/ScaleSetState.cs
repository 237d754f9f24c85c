using System;
using System.Collections.Generic;

namespace ImageTools.Engine.Gateway
{
    /// <summary>A virtual machine scale set as its GET shows it (the model, not the instances).</summary>
    internal sealed class ScaleSetState
    {
        public ArmId Id { get; set; } = null!;
        public string Name { get; set; } = "";
        public string SubscriptionId { get; set; } = "";
        public string ResourceGroupName { get; set; } = "";
        public string Location { get; set; } = "";
        public Dictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();
        public string ProvisioningState { get; set; } = "";
        public string UniqueId { get; set; } = "";
        public string TimeCreated { get; set; } = "";

        /// <summary>Flexible or Uniform.</summary>
        public string OrchestrationMode { get; set; } = "";
        public string VmSize { get; set; } = "";
        public string SkuTier { get; set; } = "";
        public long Capacity { get; set; }
        public string[] Zones { get; set; } = Array.Empty<string>();

        /// <summary>Manual, Automatic or Rolling.</summary>
        public string UpgradeMode { get; set; } = "";
        public int MaxBatchInstancePercent { get; set; } = 20;

        /// <summary>The model's virtualMachineProfile.storageProfile.imageReference.id.</summary>
        public string ImageId { get; set; } = "";
        public string OsType { get; set; } = "";
        public bool HasOsProfile { get; set; }
        public string ComputerNamePrefix { get; set; } = "";
        public string AdminUserName { get; set; } = "";
        public string SecurityType { get; set; } = "Standard";

        /// <summary>An Application Health extension (ApplicationHealthWindows/Linux) in the model.</summary>
        public bool HasHealthExtension { get; set; }

        /// <summary>networkProfile.healthProbe (a load balancer probe; Uniform only).</summary>
        public bool HasHealthProbe { get; set; }

        public bool IsFlexible => string.Equals(OrchestrationMode, "Flexible", StringComparison.OrdinalIgnoreCase);
        public bool IsRolling => string.Equals(UpgradeMode, "Rolling", StringComparison.OrdinalIgnoreCase);
    }
}
