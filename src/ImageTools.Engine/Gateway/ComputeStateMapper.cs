using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using Azure.ResourceManager;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;
using Azure.ResourceManager.Resources;


namespace ImageTools.Engine.Gateway
{
    /// <summary>Azure.ResourceManager.Compute's data to the gateway's plain records, and the names both sides use.</summary>
    internal static class ComputeStateMapper
    {
        public static VmState ToVmState(VirtualMachineData data)
        {
            var id = SdkIds.FromSdk(data.Id);
            var view = data.InstanceView;
            var codes = view?.Statuses?.Select(s => s.Code ?? "").ToList() ?? new List<string>();
            var power = codes.LastOrDefault(c => c.StartsWith("PowerState/", StringComparison.OrdinalIgnoreCase));
            var storage = data.StorageProfile;
            var os = storage?.OSDisk;
            var state = new VmState
            {
                Id = id,
                Name = data.Name,
                ResourceGroupName = id.ResourceGroupName,
                SubscriptionId = id.SubscriptionId,
                Location = data.Location.Name,
                Zones = data.Zones?.ToArray() ?? Array.Empty<string>(),
                Tags = Tags(data.Tags),
                ProvisioningState = data.ProvisioningState ?? "",
                VmSize = data.HardwareProfile?.VmSize?.ToString() ?? "",
                ComputerName = view?.ComputerName ?? data.OSProfile?.ComputerName ?? "",
                PowerState = VmPowerStates.FromStatus(power),
                IsGeneralized = codes.Any(c => string.Equals(c, "OSState/generalized", StringComparison.OrdinalIgnoreCase)),
                OsType = os?.OSType?.ToString() ?? "",
                HyperVGeneration = view?.HyperVGeneration?.ToString() ?? "",
                SecurityType = VmSecurity(data.SecurityProfile?.SecurityType?.ToString()),
                ScaleSetId = data.VirtualMachineScaleSetId?.ToString() ?? "",
                AgentStatus = view?.VmAgent?.Statuses?.FirstOrDefault()?.DisplayStatus ?? "",
                NetworkInterfaceIds = data.NetworkProfile?.NetworkInterfaces?.Select(n => n.Id?.ToString() ?? "").Where(n => n.Length > 0).ToArray()
                    ?? Array.Empty<string>(),
            };
            if (os != null)
                state.OsDisk = new VmDiskState
                {
                    Name = os.Name ?? "",
                    ManagedDiskId = SdkIds.FromSdkOrNull(os.ManagedDisk?.Id),
                    VhdUri = os.VhdUri?.ToString() ?? "",
                };
            if (storage?.DataDisks != null)
                state.DataDisks = storage.DataDisks.Select(d => new VmDiskState
                {
                    Name = d.Name ?? "",
                    Lun = d.Lun,
                    ManagedDiskId = SdkIds.FromSdkOrNull(d.ManagedDisk?.Id),
                    VhdUri = d.VhdUri?.ToString() ?? "",
                }).ToList();
            var image = storage?.ImageReference;
            if (image != null)
                state.SourceImage = image.Id?.ToString()
                    ?? image.SharedGalleryImageUniqueId
                    ?? image.CommunityGalleryImageId
                    ?? (image.Publisher != null ? $"{image.Publisher}:{image.Offer}:{image.Sku}:{image.Version ?? "latest"}" : "");
            return state;
        }

        public static SnapshotState ToSnapshotState(SnapshotData data) => new SnapshotState
        {
            Id = SdkIds.FromSdk(data.Id),
            Name = data.Name,
            Location = data.Location.Name,
            Tags = Tags(data.Tags),
            ProvisioningState = data.ProvisioningState ?? "",
            OsType = data.OSType?.ToString() ?? "",
            HyperVGeneration = data.HyperVGeneration?.ToString() ?? "",
            SecurityType = DiskSecurity(data.SecurityProfile?.SecurityType?.ToString()),
            SourceResourceId = data.CreationData?.SourceResourceId?.ToString() ?? "",
            DiskSizeGb = data.DiskSizeGB ?? 0,
            TimeCreated = data.TimeCreated,
            Incremental = data.Incremental ?? false,
            CreateOption = data.CreationData?.CreateOption.ToString() ?? "",
            CompletionPercent = data.CompletionPercent ?? 100,
            CopyErrorCode = data.CopyCompletionError?.ErrorCode.ToString() ?? "",
            CopyErrorMessage = data.CopyCompletionError?.ErrorMessage ?? "",
        };

        public static DiskState ToDiskState(ManagedDiskData data) => new DiskState
        {
            Id = SdkIds.FromSdk(data.Id),
            Name = data.Name,
            Location = data.Location.Name,
            Zones = data.Zones?.ToArray() ?? Array.Empty<string>(),
            Tags = Tags(data.Tags),
            ProvisioningState = data.ProvisioningState ?? "",
            OsType = data.OSType?.ToString() ?? "",
            HyperVGeneration = data.HyperVGeneration?.ToString() ?? "",
            SecurityType = DiskSecurity(data.SecurityProfile?.SecurityType?.ToString()),
            AttachState = data.DiskState?.ToString() ?? "",
            ManagedBy = data.ManagedBy?.ToString() ?? "",
            SkuName = data.Sku?.Name.ToString() ?? "",
            DiskSizeGb = data.DiskSizeGB ?? 0,
            SourceResourceId = data.CreationData?.SourceResourceId?.ToString() ?? "",
            TimeCreated = data.TimeCreated,
            CreateOption = data.CreationData?.CreateOption.ToString() ?? "",
            UploadSizeBytes = data.CreationData?.UploadSizeBytes ?? 0,
            SourceUri = data.CreationData?.SourceUri?.ToString() ?? "",
        };

        public static ImageState ToImageState(DiskImageData data)
        {
            var os = data.StorageProfile?.OSDisk;
            return new ImageState
            {
                Id = SdkIds.FromSdk(data.Id),
                Name = data.Name,
                ResourceGroupName = data.Id?.ResourceGroupName ?? "",
                SubscriptionId = data.Id?.SubscriptionId ?? "",
                Location = data.Location.Name,
                Tags = Tags(data.Tags),
                ProvisioningState = data.ProvisioningState ?? "",
                HyperVGeneration = data.HyperVGeneration?.ToString() ?? "",
                OsType = os?.OSType.ToString() ?? "",
                OsState = os?.OSState.ToString() ?? "",
                ZoneResilient = data.StorageProfile?.ZoneResilient ?? false,
                SourceVirtualMachineId = data.SourceVirtualMachineId?.ToString() ?? "",
                OsDiskSourceId = os?.ManagedDiskId?.ToString() ?? os?.SnapshotId?.ToString() ?? "",
                DataDiskLuns = data.StorageProfile?.DataDisks?.Select(d => d.Lun).ToArray() ?? Array.Empty<int>(),
                OsDiskIsSnapshot = os?.ManagedDiskId is null && os?.SnapshotId is object,
                OsDiskBlobUri = os?.BlobUri?.ToString() ?? "",
                DataDisks = data.StorageProfile?.DataDisks?.Select(d => new ImageDataDiskState
                {
                    Lun = d.Lun,
                    SourceId = SdkIds.FromSdkOrNull(d.ManagedDiskId ?? d.SnapshotId),
                    IsSnapshot = d.ManagedDiskId is null && d.SnapshotId is object,
                    BlobUri = d.BlobUri?.ToString() ?? "",
                }).ToList() ?? new List<ImageDataDiskState>(),
            };
        }

        public static Dictionary<string, string> Tags(IDictionary<string, string>? tags) =>
            tags == null ? new Dictionary<string, string>() : new Dictionary<string, string>(tags, StringComparer.OrdinalIgnoreCase);

        public static SupportedOperatingSystemType Os(string osType) =>
            string.Equals(osType, "Linux", StringComparison.OrdinalIgnoreCase) ? SupportedOperatingSystemType.Linux : SupportedOperatingSystemType.Windows;

        public static string VmSecurity(string? type) =>
            string.IsNullOrEmpty(type) ? "Standard"
            : type!.StartsWith("Confidential", StringComparison.OrdinalIgnoreCase) ? "ConfidentialVM"
            : type.Equals("TrustedLaunch", StringComparison.OrdinalIgnoreCase) ? "TrustedLaunch"
            : type;

        /// <summary>Disk security types (TrustedLaunch, ConfidentialVM_*) folded onto the VM's names.</summary>
        public static string DiskSecurity(string? type) =>
            string.IsNullOrEmpty(type) ? "Standard"
            : type!.StartsWith("Confidential", StringComparison.OrdinalIgnoreCase) ? "ConfidentialVM"
            : type.IndexOf("TrustedLaunch", StringComparison.OrdinalIgnoreCase) >= 0 ? "TrustedLaunch"
            : type;
    }
}
