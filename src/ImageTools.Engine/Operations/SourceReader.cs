using System;
using System.Threading.Tasks;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Rules.Generalize;

namespace ImageTools.Engine.Operations
{
    /// <summary>
    /// Reads a source, whatever its kind (VM, snapshot, managed disk, managed image, gallery
    /// version), into one <see cref="SourceRecord"/>: one GET, plus the OS disk for a VM whose
    /// instance view does not say its generation, or the definition for a gallery version.
    /// </summary>
    internal sealed class SourceReader
    {
        private readonly OperationRun _run;
        private readonly IGalleryGateway? _galleries;

        public SourceReader(OperationRun run, IGalleryGateway? galleries = null)
        {
            _run = run;
            _galleries = galleries;
        }

        private IAzureGateway Azure => _run.Gateway;

        public async Task<SourceRecord> ReadAsync(ArmId id, TimeSpan timeout)
        {
            var result = new SourceRecord { Id = id, Name = id.Name };
            if (id.IsType(ArmId.VirtualMachines))
            {
                result.Kind = SourceKind.VirtualMachine;
                var vm = result.Vm = await ReadVmAsync(id, timeout).ConfigureAwait(false);
                if (vm == null)
                    return result;
                Fill(result, vm.Id, vm.Location, vm.OsType, vm.IsGeneralized ? "Generalized" : "Specialized", vm.HyperVGeneration, vm.SecurityType);
            }
            else if (id.IsType(ArmId.Snapshots))
            {
                result.Kind = SourceKind.Snapshot;
                var snapshot = result.Snapshot = await _run.StepAsync("reading the source snapshot", timeout, ct => Azure.GetSnapshotAsync(id, ct)).ConfigureAwait(false);
                if (snapshot == null)
                    return result;
                // ARM records no OS state on snapshots; the engine's pre-generalize ones are Specialized.
                Fill(result, snapshot.Id, snapshot.Location, snapshot.OsType, PlannedSnapshot.IsPreGeneralize(snapshot.Tags) ? "Specialized" : "",
                    snapshot.HyperVGeneration, snapshot.SecurityType);
            }
            else if (id.IsType(ArmId.Disks))
            {
                result.Kind = SourceKind.Disk;
                var disk = result.Disk = await _run.StepAsync("reading the source disk", timeout, ct => Azure.GetDiskAsync(id, ct)).ConfigureAwait(false);
                if (disk == null)
                    return result;
                // ARM records no OS state on disks; Import-Vhd keeps the declared one as a tag.
                Fill(result, disk.Id, disk.Location, disk.OsType, Rules.Import.DeclaredOsState.Read(disk.Tags), disk.HyperVGeneration, disk.SecurityType);
            }
            else
            {
                result.Kind = SourceKind.ManagedImage;
                var image = result.Image = await _run.StepAsync("reading the source image", timeout, ct => Azure.GetImageAsync(id, ct)).ConfigureAwait(false);
                if (image == null)
                    return result;
                Fill(result, image.Id, image.Location, image.OsType, image.OsState.Length > 0 ? image.OsState : "Generalized",
                    image.HyperVGeneration.Length > 0 ? image.HyperVGeneration : "V1", "Standard");
            }
            return result;
        }

        /// <summary>A gallery version and its definition (which holds the OS type, state, generation and security type).</summary>
        public async Task<SourceRecord> ReadGalleryVersionAsync(ArmId id, TimeSpan timeout)
        {
            var galleries = _galleries ?? throw new InvalidOperationException("A gallery version is read through a gallery gateway.");
            var source = new SourceRecord { Kind = SourceKind.GalleryVersion, Id = id, Name = id.Name };
            var version = await _run.StepAsync("reading the source version", timeout, ct => galleries.GetVersionAsync(id, false, ct)).ConfigureAwait(false);
            var parent = version == null ? null
                : await _run.StepAsync("reading the source version's definition", timeout, ct => galleries.GetDefinitionAsync(id.Parent!, ct)).ConfigureAwait(false);
            if (version != null && parent != null)
                Fill(source, version.Id, version.Location, parent.OsType, parent.OsState, parent.HyperVGeneration, parent.SecurityType);
            return source;
        }

        /// <summary>A VM, its generation read from the OS disk when the instance view does not say it.</summary>
        public async Task<VmState?> ReadVmAsync(ArmId id, TimeSpan timeout)
        {
            var vm = await _run.StepAsync("reading the source VM", timeout, ct => Azure.GetVmAsync(id, ct)).ConfigureAwait(false);
            if (vm != null && vm.HyperVGeneration.Length == 0 && vm.OsDisk.IsManaged)
            {
                var osDisk = await _run.StepAsync("reading the source VM's OS disk", timeout, ct => Azure.GetDiskAsync(vm.OsDisk.ManagedDiskId!, ct)).ConfigureAwait(false);
                if (osDisk != null)
                    vm.HyperVGeneration = osDisk.HyperVGeneration;
            }
            return vm;
        }

        private static void Fill(SourceRecord source, ArmId id, string location, string osType, string osState, string generation, string securityType)
        {
            source.Exists = true;
            source.Id = id;
            source.Location = location;
            source.OsType = osType;
            source.OsState = osState;
            source.HyperVGeneration = generation;
            source.SecurityType = securityType;
        }
    }
}
