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
    /// <summary>
    /// <see cref="IScaleSetGateway"/> through Azure.ResourceManager.Compute, over the session's
    /// ArmClient: writes start with WaitUntil.Started and complete with the session's polling
    /// DelayStrategy; failures go through <see cref="ArmErrors"/>.
    /// </summary>
    internal sealed class ScaleSetGateway : ArmGateway, IScaleSetGateway
    {
        private const string HealthPublisher = "Microsoft.ManagedServices";

        public ScaleSetGateway(ArmClient client, DelayStrategy? polling)
            : base(client, polling)
        {
        }

        public Task<ScaleSetState?> GetScaleSetAsync(ArmId scaleSetId, CancellationToken ct) =>
            CallOrNull("read virtual machine scale set", scaleSetId, async () =>
                ToState((await ScaleSet(scaleSetId).GetAsync(null, ct).ConfigureAwait(false)).Value.Data));

        public Task<ScaleSetState> CreateScaleSetAsync(ScaleSetSpec spec, CancellationToken ct) =>
            Call("create virtual machine scale set", spec.Id, async () =>
            {
                var operation = await ResourceGroup(spec.Id.SubscriptionId, spec.Id.ResourceGroupName).GetVirtualMachineScaleSets()
                    .CreateOrUpdateAsync(WaitUntil.Started, spec.Id.Name, ScaleSetData.For(spec), ct).ConfigureAwait(false);
                return ToState((await CompleteAsync(operation, ct).ConfigureAwait(false)).Data);
            });

        public Task UpdateImageAsync(ArmId scaleSetId, ArmId imageId, CancellationToken ct) =>
            Call("update the image of virtual machine scale set", scaleSetId, async () =>
            {
                var patch = new VirtualMachineScaleSetPatch
                {
                    VirtualMachineProfile = new VirtualMachineScaleSetUpdateVmProfile
                    {
                        StorageProfile = new VirtualMachineScaleSetUpdateStorageProfile { ImageReference = new ImageReference { Id = Sdk(imageId) } },
                    },
                };
                var operation = await ScaleSet(scaleSetId).UpdateAsync(WaitUntil.Started, patch, ct).ConfigureAwait(false);
                await CompleteAsync(operation, ct).ConfigureAwait(false);
            });

        public Task StartRollingUpgradeAsync(ArmId scaleSetId, CancellationToken ct) =>
            Call("start a rolling upgrade of virtual machine scale set", scaleSetId, async () =>
                await ScaleSet(scaleSetId).StartOSUpgradeAsync(WaitUntil.Started, ct).ConfigureAwait(false));

        public Task<RollingUpgradeState?> GetLatestRollingUpgradeAsync(ArmId scaleSetId, CancellationToken ct) =>
            CallOrNull("read the latest rolling upgrade of virtual machine scale set", scaleSetId, async () =>
            {
                var data = (await ScaleSet(scaleSetId).GetVirtualMachineScaleSetRollingUpgrade().GetAsync(ct).ConfigureAwait(false)).Value.Data;
                return new RollingUpgradeState
                {
                    Code = data.RunningStatus?.Code?.ToString() ?? "",
                    StartTime = data.RunningStatus?.StartOn,
                    LastAction = data.RunningStatus?.LastAction?.ToString() ?? "",
                    Successful = data.Progress?.SuccessfulInstanceCount ?? 0,
                    Failed = data.Progress?.FailedInstanceCount ?? 0,
                    InProgress = data.Progress?.InProgressInstanceCount ?? 0,
                    Pending = data.Progress?.PendingInstanceCount ?? 0,
                    MaxBatchInstancePercent = data.Policy?.MaxBatchInstancePercent ?? 20,
                    ErrorCode = data.Error?.Code ?? "",
                    ErrorMessage = data.Error?.Message ?? "",
                };
            });

        public Task<IReadOnlyList<ScaleSetInstanceState>> ListInstancesAsync(ScaleSetState scaleSet, CancellationToken ct) =>
            Call("list the instances of virtual machine scale set", scaleSet.Id, async () =>
            {
                var instances = new List<ScaleSetInstanceState>();
                if (scaleSet.IsFlexible)
                {
                    var group = ResourceGroup(scaleSet.SubscriptionId, scaleSet.ResourceGroupName);
                    var filter = "'virtualMachineScaleSet/id' eq '" + scaleSet.Id + "'";
                    await foreach (var vm in group.GetVirtualMachines().GetAllAsync(filter, null, ct).ConfigureAwait(false))
                        instances.Add(new ScaleSetInstanceState
                        {
                            Id = SdkIds.FromSdk(vm.Data.Id),
                            Name = vm.Data.Name,
                            InstanceId = vm.Data.Name,
                            ComputerName = vm.Data.OSProfile?.ComputerName ?? "",
                            ProvisioningState = vm.Data.ProvisioningState ?? "",
                            ImageId = vm.Data.StorageProfile?.ImageReference?.Id?.ToString() ?? "",
                            ExactVersion = vm.Data.StorageProfile?.ImageReference?.ExactVersion ?? "",
                        });
                    return (IReadOnlyList<ScaleSetInstanceState>)instances;
                }
                await foreach (var vm in ScaleSet(scaleSet.Id).GetVirtualMachineScaleSetVms().GetAllAsync(null, null, null, ct).ConfigureAwait(false))
                    instances.Add(new ScaleSetInstanceState
                    {
                        Id = SdkIds.FromSdk(vm.Data.Id),
                        Name = vm.Data.Name,
                        InstanceId = vm.Data.InstanceId ?? "",
                        ComputerName = vm.Data.OSProfile?.ComputerName ?? "",
                        ProvisioningState = vm.Data.ProvisioningState ?? "",
                        ImageId = vm.Data.StorageProfile?.ImageReference?.Id?.ToString() ?? "",
                        ExactVersion = vm.Data.StorageProfile?.ImageReference?.ExactVersion ?? "",
                        LatestModelApplied = vm.Data.LatestModelApplied,
                    });
                return (IReadOnlyList<ScaleSetInstanceState>)instances;
            });

        private VirtualMachineScaleSetResource ScaleSet(ArmId id) => Client.GetVirtualMachineScaleSetResource(Sdk(id));

        private static ScaleSetState ToState(VirtualMachineScaleSetData data)
        {
            var profile = data.VirtualMachineProfile;
            var os = profile?.OSProfile;
            var extensions = profile?.ExtensionProfile?.Extensions ?? (IList<VirtualMachineScaleSetExtensionData>)Array.Empty<VirtualMachineScaleSetExtensionData>();
            return new ScaleSetState
            {
                Id = SdkIds.FromSdk(data.Id),
                Name = data.Name,
                SubscriptionId = data.Id.SubscriptionId ?? "",
                ResourceGroupName = data.Id.ResourceGroupName ?? "",
                Location = data.Location.Name,
                Tags = new Dictionary<string, string>(data.Tags, StringComparer.OrdinalIgnoreCase),
                ProvisioningState = data.ProvisioningState ?? "",
                UniqueId = data.UniqueId ?? "",
                TimeCreated = data.TimeCreated?.UtcDateTime.ToString("o", System.Globalization.CultureInfo.InvariantCulture) ?? "",
                OrchestrationMode = data.OrchestrationMode?.ToString() ?? "",
                VmSize = data.Sku?.Name ?? "",
                SkuTier = data.Sku?.Tier ?? "",
                Capacity = data.Sku?.Capacity ?? 0,
                Zones = data.Zones?.ToArray() ?? Array.Empty<string>(),
                UpgradeMode = data.UpgradePolicy?.Mode?.ToString() ?? "Manual",
                MaxBatchInstancePercent = data.UpgradePolicy?.RollingUpgradePolicy?.MaxBatchInstancePercent ?? 20,
                ImageId = profile?.StorageProfile?.ImageReference?.Id?.ToString() ?? "",
                OsType = profile?.StorageProfile?.OSDisk?.OSType?.ToString() ?? "",
                HasOsProfile = os != null,
                ComputerNamePrefix = os?.ComputerNamePrefix ?? "",
                AdminUserName = os?.AdminUsername ?? "",
                SecurityType = profile?.SecurityProfile?.SecurityType?.ToString() ?? "Standard",
                HasHealthExtension = extensions.Any(e => string.Equals(e.Publisher, HealthPublisher, StringComparison.OrdinalIgnoreCase) &&
                                                         (e.ExtensionType ?? "").StartsWith("ApplicationHealth", StringComparison.OrdinalIgnoreCase)),
                HasHealthProbe = profile?.NetworkProfile?.HealthProbeId is object,
            };
        }
    }
}
