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

using static ImageTools.Engine.Gateway.ArmCall;

namespace ImageTools.Engine.Gateway
{
    /// <summary>
    /// <see cref="IDiskGateway"/> over Azure.ResourceManager.Compute, the same client and polling as
    /// the other gateways (writes start with WaitUntil.Started and complete through the session's
    /// DelayStrategy; request retries are the pipeline's).
    /// </summary>
    internal sealed class DiskGateway : IDiskGateway
    {
        private readonly ArmClient _client;
        private readonly DelayStrategy? _polling;

        public DiskGateway(ArmClient client, DelayStrategy? polling)
        {
            _client = client;
            _polling = polling;
        }

        public Task<DiskState> CreateDiskAsync(DiskSpec spec, CancellationToken ct) =>
            Call("create managed disk", spec.Id, async () =>
            {
                var id = new ResourceIdentifier(spec.Id);
                var data = new ManagedDiskData(new AzureLocation(spec.Location))
                {
                    CreationData = new DiskCreationData(DiskCreateOption.Copy) { SourceResourceId = new ResourceIdentifier(spec.SourceId) },
                };
                if (spec.SkuName.Length > 0)
                    data.Sku = new DiskSku { Name = new DiskStorageAccountType(spec.SkuName) };
                foreach (var zone in spec.Zones)
                    data.Zones.Add(zone);
                foreach (var tag in spec.Tags)
                    data.Tags[tag.Key] = tag.Value;
                var operation = await Group(id).GetManagedDisks().CreateOrUpdateAsync(WaitUntil.Started, id.Name, data, ct).ConfigureAwait(false);
                return ComputeStateMapper.ToDiskState((await ArmCall.CompleteAsync(operation, _polling, ct).ConfigureAwait(false)).Data);
            });

        public Task CreateVmOnDisksAsync(AttachedVmSpec spec, CancellationToken ct) =>
            Call("create virtual machine", spec.Id, async () =>
            {
                var id = new ResourceIdentifier(spec.Id);
                var osDisk = new VirtualMachineOSDisk(DiskCreateOptionType.Attach)
                {
                    OSType = ComputeStateMapper.Os(spec.OsType),
                    ManagedDisk = new VirtualMachineManagedDisk { Id = new ResourceIdentifier(spec.OsDiskId) },
                    DeleteOption = DiskDeleteOptionType.Delete,
                };
                var data = new VirtualMachineData(new AzureLocation(spec.Location))
                {
                    HardwareProfile = new VirtualMachineHardwareProfile { VmSize = new VirtualMachineSizeType(spec.VmSize) },
                    StorageProfile = new VirtualMachineStorageProfile { OSDisk = osDisk },
                    NetworkProfile = new VirtualMachineNetworkProfile(),
                };
                foreach (var disk in spec.DataDiskIds.OrderBy(d => d.Key))
                    data.StorageProfile.DataDisks.Add(new VirtualMachineDataDisk(disk.Key, DiskCreateOptionType.Attach)
                    {
                        ManagedDisk = new VirtualMachineManagedDisk { Id = new ResourceIdentifier(disk.Value) },
                        DeleteOption = DiskDeleteOptionType.Delete,
                    });
                data.NetworkProfile.NetworkInterfaces.Add(new VirtualMachineNetworkInterfaceReference
                {
                    Id = new ResourceIdentifier(spec.NicId), Primary = true, DeleteOption = ComputeDeleteOption.Delete,
                });
                foreach (var zone in spec.Zones)
                    data.Zones.Add(zone);
                foreach (var tag in spec.Tags)
                    data.Tags[tag.Key] = tag.Value;
                var confidential = string.Equals(spec.SecurityType, "ConfidentialVM", StringComparison.OrdinalIgnoreCase);
                if (confidential || string.Equals(spec.SecurityType, "TrustedLaunch", StringComparison.OrdinalIgnoreCase))
                {
                    data.SecurityProfile = new SecurityProfile
                    {
                        SecurityType = confidential ? SecurityType.ConfidentialVm : SecurityType.TrustedLaunch,
                        UefiSettings = new UefiSettings { IsSecureBootEnabled = true, IsVirtualTpmEnabled = true },
                    };
                    if (confidential)
                        osDisk.ManagedDisk.SecurityProfile = new VirtualMachineDiskSecurityProfile { SecurityEncryptionType = SecurityEncryptionType.VmGuestStateOnly };
                }
                var operation = await Group(id).GetVirtualMachines().CreateOrUpdateAsync(WaitUntil.Started, id.Name, data, ct).ConfigureAwait(false);
                await ArmCall.CompleteAsync(operation, _polling, ct).ConfigureAwait(false);
            });

        public Task SwapDisksAsync(string vmId, string osDiskId, IReadOnlyDictionary<int, string> dataDiskIds, CancellationToken ct) =>
            Call("swap the disks of virtual machine", vmId, async () =>
            {
                // The documented swap: the VM's model as it is, with other disk ids, PUT back.
                var vm = _client.GetVirtualMachineResource(new ResourceIdentifier(vmId));
                var data = (await vm.GetAsync(cancellationToken: ct).ConfigureAwait(false)).Value.Data;
                var os = data.StorageProfile.OSDisk;
                os.ManagedDisk ??= new VirtualMachineManagedDisk();
                os.ManagedDisk.Id = new ResourceIdentifier(osDiskId);
                os.Name = ArmId.LastSegment(osDiskId);
                foreach (var disk in data.StorageProfile.DataDisks)
                {
                    if (!dataDiskIds.TryGetValue(disk.Lun, out var newId))
                        continue;
                    disk.ManagedDisk ??= new VirtualMachineManagedDisk();
                    disk.ManagedDisk.Id = new ResourceIdentifier(newId);
                    disk.Name = ArmId.LastSegment(newId);
                }
                var id = vm.Id;
                var operation = await Group(id).GetVirtualMachines().CreateOrUpdateAsync(WaitUntil.Started, id.Name, data, ct).ConfigureAwait(false);
                await ArmCall.CompleteAsync(operation, _polling, ct).ConfigureAwait(false);
            });

        public Task<IReadOnlyList<SnapshotState>> ListSnapshotsAsync(string subscriptionId, string resourceGroupName, CancellationToken ct) =>
            Call("list the snapshots of", Scope(subscriptionId, resourceGroupName), async () =>
            {
                var list = new List<SnapshotState>();
                var items = resourceGroupName.Length > 0
                    ? Group(subscriptionId, resourceGroupName).GetSnapshots().GetAllAsync(ct)
                    : Subscription(subscriptionId).GetSnapshotsAsync(ct);
                await foreach (var snapshot in items.ConfigureAwait(false))
                    list.Add(ComputeStateMapper.ToSnapshotState(snapshot.Data));
                return (IReadOnlyList<SnapshotState>)list;
            });

        public Task<IReadOnlyList<DiskState>> ListDisksAsync(string subscriptionId, string resourceGroupName, CancellationToken ct) =>
            Call("list the managed disks of", Scope(subscriptionId, resourceGroupName), async () =>
            {
                var list = new List<DiskState>();
                var items = resourceGroupName.Length > 0
                    ? Group(subscriptionId, resourceGroupName).GetManagedDisks().GetAllAsync(ct)
                    : Subscription(subscriptionId).GetManagedDisksAsync(ct);
                await foreach (var disk in items.ConfigureAwait(false))
                    list.Add(ComputeStateMapper.ToDiskState(disk.Data));
                return (IReadOnlyList<DiskState>)list;
            });

        public Task DeleteSnapshotAsync(string snapshotId, CancellationToken ct) =>
            Call("delete snapshot", snapshotId, async () =>
                await ArmCall.CompleteAsync(await _client.GetSnapshotResource(new ResourceIdentifier(snapshotId)).DeleteAsync(WaitUntil.Started, ct).ConfigureAwait(false), _polling, ct).ConfigureAwait(false));

        public Task DeleteDiskAsync(string diskId, CancellationToken ct) =>
            Call("delete managed disk", diskId, async () =>
                await ArmCall.CompleteAsync(await _client.GetManagedDiskResource(new ResourceIdentifier(diskId)).DeleteAsync(WaitUntil.Started, ct).ConfigureAwait(false), _polling, ct).ConfigureAwait(false));

        private static string Scope(string subscriptionId, string resourceGroupName) =>
            resourceGroupName.Length > 0 ? $"resource group '{resourceGroupName}'" : $"subscription {subscriptionId}";

        private ResourceGroupResource Group(ResourceIdentifier id) => Group(id.SubscriptionId!, id.ResourceGroupName!);

        private ResourceGroupResource Group(string subscriptionId, string resourceGroupName) =>
            _client.GetResourceGroupResource(ResourceGroupResource.CreateResourceIdentifier(subscriptionId, resourceGroupName));

        private SubscriptionResource Subscription(string subscriptionId) =>
            _client.GetSubscriptionResource(SubscriptionResource.CreateResourceIdentifier(subscriptionId));
    }
}
