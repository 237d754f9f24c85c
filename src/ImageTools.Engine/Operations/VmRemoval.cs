using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Rules.Generalize;

namespace ImageTools.Engine.Operations
{
    /// <summary>
    /// Deleting a VM and what it owned: its OS and data disks, its network interfaces and their
    /// public IP addresses (read before any write, so the plan names each one). The VM goes first,
    /// then its NICs, their public IPs and its disks; one already gone is passed over. Snapshots are
    /// never deleted: the pre-generalize snapshots of its disks are named as kept. Other owned
    /// resources (a clone's own virtual network) are added with <see cref="Add"/>.
    /// </summary>
    internal sealed class VmRemoval
    {
        private readonly List<OwnedResource> _owned = new List<OwnedResource>();

        private VmRemoval(VmState vm)
        {
            Vm = vm;
        }

        public VmState Vm { get; }

        /// <summary>What goes with the VM, in delete order.</summary>
        public IReadOnlyList<OwnedResource> Owned => _owned.OrderBy(o => o.Order).ToList();

        /// <summary>The pre-generalize snapshots of the VM's disks that exist: kept.</summary>
        public IReadOnlyList<string> KeptSnapshots { get; private set; } = Array.Empty<string>();

        /// <summary>Reads what the VM owns (one GET per NIC) and which of its pre-generalize snapshots exist (one GET per disk).</summary>
        public static async Task<VmRemoval> ReadAsync(OperationRun run, ICleanupGateway cleanup, VmState vm, TimeSpan timeout)
        {
            var removal = new VmRemoval(vm);
            if (vm.OsDisk.IsManaged)
                removal.Add(new OwnedResource(vm.OsDisk.ManagedDiskId!, "OS disk", OwnedResource.Disk));
            foreach (var disk in vm.DataDisks.Where(d => d.IsManaged))
                removal.Add(new OwnedResource(disk.ManagedDiskId!, $"data disk (LUN {disk.Lun})", OwnedResource.Disk));
            foreach (var nicId in vm.NetworkInterfaceIds.Select(ArmId.ParseOrNull).Where(id => id != null).Select(id => id!))
            {
                removal.Add(new OwnedResource(nicId, "network interface", OwnedResource.NetworkInterface));
                var ips = await run.StepAsync("reading the source VM's network interfaces", timeout, ct => cleanup.GetNicPublicIpIdsAsync(nicId, ct))
                    .ConfigureAwait(false) ?? Array.Empty<ArmId>();
                foreach (var ip in ips)
                    removal.Add(new OwnedResource(ip, "public IP address", OwnedResource.PublicIp));
            }
            var kept = new List<string>();
            foreach (var disk in new[] { vm.OsDisk }.Concat(vm.DataDisks).Where(d => d.IsManaged))
            {
                var id = ArmId.Of(vm.SubscriptionId, vm.ResourceGroupName, ArmId.Snapshots, PlannedSnapshot.NameFor(vm.Name, disk));
                if (await run.StepAsync("reading the source VM's snapshots", timeout, ct => run.Gateway.GetSnapshotAsync(id, ct)).ConfigureAwait(false) != null)
                    kept.Add(id.Name);
            }
            removal.KeptSnapshots = kept;
            return removal;
        }

        /// <summary>Adds a resource to delete with the VM (ids compared case-insensitively; each once).</summary>
        public void Add(OwnedResource resource)
        {
            if (!_owned.Any(o => o.Id.Equals(resource.Id)))
                _owned.Add(resource);
        }

        /// <summary>"OS disk 'a', network interface 'b', public IP address 'c'" for the plan.</summary>
        public string Describe() =>
            _owned.Count == 0 ? "nothing else it owned" : string.Join(", ", Owned.Select(o => $"{o.What} '{o.Name}'"));

        /// <summary>What the plan and the end of the run say about the snapshots.</summary>
        public string SnapshotNote() => KeptSnapshots.Count == 0
            ? "no pre-generalize snapshot of its disks exists"
            : $"snapshots kept: {string.Join(", ", KeptSnapshots.Select(s => $"'{s}'"))} (tag {PlannedSnapshot.RetainUntilTag} says until when they are meant to be kept)";

        /// <summary>Deletes the VM, then what it owned; each its own step (named, bounded, resumable).</summary>
        public async Task RunAsync(OperationRun run, ICleanupGateway cleanup, string why, int percent)
        {
            await run.StepAsync($"deleting the source VM '{Vm.Name}' ({why})", run.Options.OperationTimeout,
                ct => run.Gateway.DeleteVmAsync(Vm.Id, ct), percent).ConfigureAwait(false);
            var gone = new List<string>();
            foreach (var resource in Owned)
            {
                var deleted = await run.StepAsync($"deleting {resource.What} '{resource.Name}' of VM '{Vm.Name}' ({why})", run.Options.OperationTimeout,
                    ct => resource.Kind == OwnedResource.Disk
                        ? cleanup.DeleteDiskAsync(resource.Id, ct)
                        : cleanup.DeleteNetworkResourceAsync(resource.Id, resource.What, ct), percent).ConfigureAwait(false);
                if (!deleted)
                    gone.Add($"{resource.What} '{resource.Name}'");
            }
            run.Sink.WriteVerbose($"Deleted VM '{Vm.Name}' and {Describe()}" +
                (gone.Count > 0 ? $" ({string.Join(", ", gone)} already gone)" : "") + $"; {SnapshotNote()}.");
        }
    }
}
