namespace ImageTools.Models
{
    /// <summary>
    /// A virtual machine scale set as New-VmssFromImage and Update-VmssImage emit it, with the
    /// property names of Az's PSVirtualMachineScaleSet (Sku.Capacity, UpgradePolicy.Mode,
    /// OrchestrationMode...) so scripts written for Get-AzVmss read it unchanged.
    /// </summary>
    public sealed class VmssInfo : AzureResourceInfo
    {
        public string Type { get; set; } = "Microsoft.Compute/virtualMachineScaleSets";

        /// <summary>Flexible or Uniform.</summary>
        public string OrchestrationMode { get; set; } = "";

        public VmssSkuInfo Sku { get; set; } = new VmssSkuInfo();
        public VmssUpgradePolicyInfo UpgradePolicy { get; set; } = new VmssUpgradePolicyInfo();
        public string[] Zones { get; set; } = new string[0];
        public string UniqueId { get; set; } = "";
        public string TimeCreated { get; set; } = "";

        /// <summary>Windows or Linux.</summary>
        public string OsType { get; set; } = "";

        /// <summary>The image, gallery version or gallery definition the model names.</summary>
        public string SourceImageId { get; set; } = "";

        public string ComputerNamePrefix { get; set; } = "";

        /// <summary>The instances, each with the image it runs.</summary>
        public VmssInstanceInfo[] Instances { get; set; } = new VmssInstanceInfo[0];

        /// <summary>The latest rolling upgrade's status (RollingForward, Completed, Faulted, Cancelled); empty when none ran.</summary>
        public string RollingUpgradeStatus { get; set; } = "";
    }
}
