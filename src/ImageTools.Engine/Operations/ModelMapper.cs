using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Models;

namespace ImageTools.Engine.Operations
{
    /// <summary>Engine records to the flat output objects the cmdlets emit.</summary>
    internal static class ModelMapper
    {
        public static VmInfo ToVmInfo(VmState vm, IEnumerable<ArmId>? snapshotIds = null) => new VmInfo
        {
            Id = vm.Id.Id,
            SubscriptionId = vm.SubscriptionId,
            ResourceGroupName = vm.ResourceGroupName,
            Name = vm.Name,
            Location = vm.Location,
            Tags = new Dictionary<string, string>(vm.Tags, StringComparer.OrdinalIgnoreCase),
            ProvisioningState = vm.ProvisioningState,
            PowerState = vm.PowerState.Text(),
            OsState = vm.IsGeneralized ? "Generalized" : "Specialized",
            OsType = vm.OsType,
            HyperVGeneration = vm.HyperVGeneration,
            SecurityType = vm.SecurityType,
            VmSize = vm.VmSize,
            Zones = vm.Zones.ToArray(),
            ComputerName = vm.ComputerName,
            SourceImageId = vm.SourceImage,
            OsDiskId = vm.OsDisk.ManagedDiskId?.Id ?? "",
            NetworkInterfaceIds = vm.NetworkInterfaceIds.ToArray(),
            SnapshotIds = snapshotIds?.Select(id => id.Id).ToArray() ?? Array.Empty<string>(),
            CloneOfVmId = Rules.Clone.CloneTags.Read(vm.Tags, Rules.Clone.CloneTags.CloneOf) ?? "",
        };

        public static ImageInfo ToImageInfo(ImageState image, string sourceId, string sourceKind, bool sourceDeleted = false) => new ImageInfo
        {
            Id = image.Id.Id,
            SubscriptionId = image.SubscriptionId,
            ResourceGroupName = image.ResourceGroupName,
            Name = image.Name,
            Location = image.Location,
            Tags = new Dictionary<string, string>(image.Tags, StringComparer.OrdinalIgnoreCase),
            ProvisioningState = image.ProvisioningState,
            SourceId = image.SourceId.Length > 0 ? image.SourceId : sourceId,
            SourceKind = sourceKind,
            OsType = image.OsType,
            OsState = image.OsState,
            HyperVGeneration = image.HyperVGeneration,
            ZoneResilient = image.ZoneResilient,
            DataDiskLuns = image.DataDiskLuns.Select(l => l.ToString(CultureInfo.InvariantCulture)).ToArray(),
            SourceDeleted = sourceDeleted,
        };
    }
}
