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
    /// never deleted: the pre-generalize snapshots of its disks are named as kept. A clone's own
    /// isolated virtual network goes too when nothing else is attached to it (<see cref="CloneNetwork"/>);
    /// any other network of its NICs is left and named.
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

        /// <summary>The virtual networks of its NICs that are left, each with the reason.</summary>
        public IReadOnlyList<string> LeftNetworks => _leftNetworks;

        private readonly List<string> _leftNetworks = new List<string>();

        /// <summary>Reads what the VM owns (one GET per NIC) and which of its pre-generalize snapshots exist (one GET per disk).</summary>
        public static async Task<VmRemoval> ReadAsync(OperationRun run, ICleanupGateway cleanup, VmState vm, TimeSpan timeout)
        {
            var removal = new VmRemoval(vm);
            if (vm.OsDisk.IsManaged)
                removal.Add(new OwnedResource(vm.OsDisk.ManagedDiskId!, "OS disk", OwnedResource.Disk));
            foreach (var disk in vm.DataDisks.Where(d => d.IsManaged))
                removal.Add(new OwnedResource(disk.ManagedDiskId!, $"data disk (LUN {disk.Lun})", OwnedResource.Disk));
            var nics = vm.NetworkInterfaceIds.Select(ArmId.ParseOrNull).Where(id => id != null).Select(id => id!).ToList();
            var networks = new List<ArmId>();
            foreach (var nicId in nics)
            {
                removal.Add(new OwnedResource(nicId, "network interface", OwnedResource.NetworkInterface));
                var links = await run.StepAsync($"reading the source VM's network interface '{nicId.Name}'", timeout, ct => cleanup.GetNicLinksAsync(nicId, ct))
                    .ConfigureAwait(false);
                foreach (var ip in links?.PublicIpIds ?? new List<ArmId>())
                    removal.Add(new OwnedResource(ip, "public IP address", OwnedResource.PublicIp));
                foreach (var network in (links?.SubnetIds ?? new List<ArmId>()).Select(s => s.Parent))
                    if (network != null && !networks.Contains(network))
                        networks.Add(network);
            }
            foreach (var network in networks)
                await removal.ReadNetworkAsync(run, cleanup, network, nics, timeout).ConfigureAwait(false);
            var kept = new List<string>();
            foreach (var disk in new[] { vm.OsDisk }.Concat(vm.DataDisks).Where(d => d.IsManaged))
            {
                var id = ArmId.Of(vm.SubscriptionId, vm.ResourceGroupName, ArmId.Snapshots, PlannedSnapshot.NameFor(vm.Name, disk));
                if (await run.StepAsync($"reading the source VM's pre-generalize snapshot '{id.Name}' (kept if there)", timeout, ct => run.Gateway.GetSnapshotAsync(id, ct)).ConfigureAwait(false) != null)
                    kept.Add(id.Name);
            }
            removal.KeptSnapshots = kept;
            return removal;
        }

        /// <summary>A clone's network goes with it when <see cref="CloneNetwork"/> says so (one GET); any other is left, named.</summary>
        private async Task ReadNetworkAsync(OperationRun run, ICleanupGateway cleanup, ArmId network, IReadOnlyCollection<ArmId> nics, TimeSpan timeout)
        {
            if (!CloneNetwork.IsClone(Vm))
            {
                _leftNetworks.Add($"virtual network '{network.Name}' is left (VM '{Vm.Name}' is not a clone ImageTools made; its network may serve others)");
                return;
            }
            var use = await run.StepAsync($"reading the clone's network '{network.Name}'", timeout, ct => cleanup.GetVirtualNetworkUseAsync(network, ct)).ConfigureAwait(false);
            var why = use == null ? "it was not found" : CloneNetwork.WhyLeft(Vm, use, nics);
            if (why == null)
            {
                Add(new OwnedResource(network, "isolated virtual network", OwnedResource.VirtualNetwork));
                return;
            }
            var left = $"virtual network '{network.Name}' of clone '{Vm.Name}' is left: {why}";
            _leftNetworks.Add(left);
            run.Sink.WriteWarning($"The {left}; remove it yourself (Remove-AzVirtualNetwork) once nothing needs it.");
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
        public string SnapshotNote() => (KeptSnapshots.Count == 0
            ? "no pre-generalize snapshot of its disks exists"
            : $"snapshots kept: {string.Join(", ", KeptSnapshots.Select(s => $"'{s}'"))} (tag {PlannedSnapshot.RetainUntilTag} says until when they are meant to be kept)")
            + string.Concat(LeftNetworks.Select(n => "; " + n));

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
