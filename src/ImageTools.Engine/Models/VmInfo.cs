namespace ImageTools.Models
{
    /// <summary>A virtual machine as Invoke-VmGeneralize and New-VmFromImage emit it.</summary>
    public sealed class VmInfo : AzureResourceInfo
    {
        /// <summary>running, stopped, deallocated... (the PowerState/* code without its prefix).</summary>
        public string PowerState { get; set; } = "";

        /// <summary>Generalized or Specialized (OSState/generalized in the instance view).</summary>
        public string OsState { get; set; } = "";

        /// <summary>Windows or Linux.</summary>
        public string OsType { get; set; } = "";

        /// <summary>V1 or V2.</summary>
        public string HyperVGeneration { get; set; } = "";

        /// <summary>Standard, TrustedLaunch or ConfidentialVM.</summary>
        public string SecurityType { get; set; } = "";

        public string VmSize { get; set; } = "";
        public string[] Zones { get; set; } = new string[0];
        public string ComputerName { get; set; } = "";

        /// <summary>The image, gallery version or marketplace URN the VM was created from.</summary>
        public string SourceImageId { get; set; } = "";

        public string OsDiskId { get; set; } = "";
        public string[] NetworkInterfaceIds { get; set; } = new string[0];

        /// <summary>For a clone made by Invoke-VmGeneralize -Clone: the id of the VM it is a clone of (its imagetools-clone-of tag).</summary>
        public string CloneOfVmId { get; set; } = "";

        /// <summary>Snapshots Invoke-VmGeneralize took of the OS and data disks before Sysprep.</summary>
        public string[] SnapshotIds { get; set; } = new string[0];
    }
}
