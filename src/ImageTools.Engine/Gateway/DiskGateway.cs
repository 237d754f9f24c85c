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
    /// <see cref="IDiskGateway"/> over Azure.ResourceManager.Compute, the same client and polling as
    /// the other gateways (writes start with WaitUntil.Started and complete through the session's
    /// DelayStrategy; request retries are the pipeline's).
    /// </summary>
    internal sealed class DiskGateway : ArmGateway, IDiskGateway
    {
        public DiskGateway(ArmClient client, DelayStrategy? polling)
            : base(client, polling)
        {
        }

        public Task<DiskState> CreateDiskAsync(DiskSpec spec, CancellationToken ct) =>
            Call("create managed disk", spec.Id, async () =>
            {
                var id = spec.Id;
                var data = new ManagedDiskData(new AzureLocation(spec.Location))
                {
                    CreationData = new DiskCreationData(DiskCreateOption.Copy) { SourceResourceId = Sdk(spec.SourceId) },
                };
                if (spec.SkuName.Length > 0)
                    data.Sku = new DiskSku { Name = new DiskStorageAccountType(spec.SkuName) };
                foreach (var zone in spec.Zones)
                    data.Zones.Add(zone);
                foreach (var tag in spec.Tags)
                    data.Tags[tag.Key] = tag.Value;
                var operation = await Group(id).GetManagedDisks().CreateOrUpdateAsync(WaitUntil.Started, id.Name, data, ct).ConfigureAwait(false);
                return ComputeStateMapper.ToDiskState((await CompleteAsync(operation, ct).ConfigureAwait(false)).Data);
            });

        public Task CreateVmOnDisksAsync(AttachedVmSpec spec, CancellationToken ct) =>
            Call("create virtual machine", spec.Id, async () =>
            {
                var id = spec.Id;
                var osDisk = new VirtualMachineOSDisk(DiskCreateOptionType.Attach)
                {
                    OSType = ComputeStateMapper.Os(spec.OsType),
                    ManagedDisk = new VirtualMachineManagedDisk { Id = Sdk(spec.OsDiskId) },
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
                        ManagedDisk = new VirtualMachineManagedDisk { Id = Sdk(disk.Value) },
                        DeleteOption = DiskDeleteOptionType.Delete,
                    });
                data.NetworkProfile.NetworkInterfaces.Add(new VirtualMachineNetworkInterfaceReference
                {
                    Id = Sdk(spec.NicId), Primary = true, DeleteOption = ComputeDeleteOption.Delete,
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
                await CompleteAsync(operation, ct).ConfigureAwait(false);
            });

        public Task SwapDisksAsync(ArmId vmId, ArmId osDiskId, IReadOnlyDictionary<int, ArmId> dataDiskIds, CancellationToken ct) =>
            Call("swap the disks of virtual machine", vmId, async () =>
            {
                // The documented swap: the VM's model as it is, with other disk ids, PUT back.
                var vm = Client.GetVirtualMachineResource(Sdk(vmId));
                var data = (await vm.GetAsync(cancellationToken: ct).ConfigureAwait(false)).Value.Data;
                var os = data.StorageProfile.OSDisk;
                os.ManagedDisk ??= new VirtualMachineManagedDisk();
                os.ManagedDisk.Id = Sdk(osDiskId);
                os.Name = osDiskId.Name;
                foreach (var disk in data.StorageProfile.DataDisks)
                {
                    if (!dataDiskIds.TryGetValue(disk.Lun, out var newId))
                        continue;
                    disk.ManagedDisk ??= new VirtualMachineManagedDisk();
                    disk.ManagedDisk.Id = Sdk(newId);
                    disk.Name = newId.Name;
                }
                var id = vmId;
                var operation = await Group(id).GetVirtualMachines().CreateOrUpdateAsync(WaitUntil.Started, id.Name, data, ct).ConfigureAwait(false);
                await CompleteAsync(operation, ct).ConfigureAwait(false);
            });

        public Task<IReadOnlyList<SnapshotState>> ListSnapshotsAsync(string subscriptionId, string resourceGroupName, CancellationToken ct) =>
            Call("list the snapshots of", Scope(subscriptionId, resourceGroupName), async () =>
            {
                var list = new List<SnapshotState>();
                var items = resourceGroupName.Length > 0
                    ? ResourceGroup(subscriptionId, resourceGroupName).GetSnapshots().GetAllAsync(ct)
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
                    ? ResourceGroup(subscriptionId, resourceGroupName).GetManagedDisks().GetAllAsync(ct)
                    : Subscription(subscriptionId).GetManagedDisksAsync(ct);
                await foreach (var disk in items.ConfigureAwait(false))
                    list.Add(ComputeStateMapper.ToDiskState(disk.Data));
                return (IReadOnlyList<DiskState>)list;
            });

        public Task DeleteSnapshotAsync(ArmId snapshotId, CancellationToken ct) =>
            Call("delete snapshot", snapshotId, async () =>
                await CompleteAsync(await Client.GetSnapshotResource(Sdk(snapshotId)).DeleteAsync(WaitUntil.Started, ct).ConfigureAwait(false), ct).ConfigureAwait(false));

        public Task DeleteDiskAsync(ArmId diskId, CancellationToken ct) =>
            Call("delete managed disk", diskId, async () =>
                await CompleteAsync(await Client.GetManagedDiskResource(Sdk(diskId)).DeleteAsync(WaitUntil.Started, ct).ConfigureAwait(false), ct).ConfigureAwait(false));

        private static string Scope(string subscriptionId, string resourceGroupName) =>
            resourceGroupName.Length > 0 ? $"resource group '{resourceGroupName}'" : $"subscription {subscriptionId}";

        private ResourceGroupResource Group(ArmId id) => ResourceGroup(id.SubscriptionId, id.ResourceGroupName);
    }
}
