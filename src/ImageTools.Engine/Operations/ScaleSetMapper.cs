using System;
using System.Collections.Generic;
using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Models;

namespace ImageTools.Engine.Operations
{
    /// <summary>A scale set's records to the Az-shaped output object both scale set cmdlets emit.</summary>
    internal static class ScaleSetMapper
    {
        public static VmssInfo ToVmssInfo(ScaleSetState vmss, IEnumerable<ScaleSetInstanceState> instances, RollingUpgradeState? latest) => new VmssInfo
        {
            Id = vmss.Id.Id,
            SubscriptionId = vmss.SubscriptionId,
            ResourceGroupName = vmss.ResourceGroupName,
            Name = vmss.Name,
            Location = vmss.Location,
            Tags = new Dictionary<string, string>(vmss.Tags, StringComparer.OrdinalIgnoreCase),
            ProvisioningState = vmss.ProvisioningState,
            OrchestrationMode = vmss.OrchestrationMode,
            Sku = new VmssSkuInfo { Name = vmss.VmSize, Tier = vmss.SkuTier, Capacity = (int)vmss.Capacity },
            UpgradePolicy = new VmssUpgradePolicyInfo { Mode = vmss.UpgradeMode, MaxBatchInstancePercent = vmss.IsRolling ? vmss.MaxBatchInstancePercent : 0 },
            Zones = vmss.Zones.ToArray(),
            UniqueId = vmss.UniqueId,
            TimeCreated = vmss.TimeCreated,
            OsType = vmss.OsType,
            SourceImageId = vmss.ImageId,
            ComputerNamePrefix = vmss.ComputerNamePrefix,
            Instances = instances.Select(i => ToInstanceInfo(i, vmss.ImageId)).ToArray(),
            RollingUpgradeStatus = latest?.Code ?? "",
        };

        public static VmssInstanceInfo ToInstanceInfo(ScaleSetInstanceState instance, string modelImageId) => new VmssInstanceInfo
        {
            Id = instance.Id.Id,
            Name = instance.Name,
            InstanceId = instance.InstanceId,
            ComputerName = instance.ComputerName,
            ProvisioningState = instance.ProvisioningState,
            SourceImageId = ImageOf(instance),
            LatestModelApplied = instance.LatestModelApplied ?? (ArmId.SameId(instance.ImageId, modelImageId) || ArmId.SameId(ImageOf(instance), modelImageId)),
        };

        /// <summary>
        /// The image an instance runs: a reference to a gallery definition names its exact version
        /// beside it (definition/versions/exactVersion); any other reference is the image itself.
        /// </summary>
        public static string ImageOf(ScaleSetInstanceState instance) =>
            instance.ExactVersion.Length > 0 && GalleryIds.TryParseDefinition(instance.ImageId, out var definition)
                ? GalleryIds.Version(definition, instance.ExactVersion).Id
                : instance.ImageId;
    }
}
