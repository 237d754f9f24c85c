using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Rules.Deploy;
using ImageTools.Engine.Validation;

namespace ImageTools.Engine.Operations.Deploy
{
    /// <summary>
    /// New-VmFromImage's source: a managed image, a gallery version, or a gallery definition whose
    /// latest eligible version in the target location is chosen (each version passed over says why).
    /// </summary>
    internal sealed class DeploySourceResolver
    {
        private readonly OperationRun _run;
        private readonly IGalleryGateway _galleries;
        private readonly bool _acceptsDisks;

        /// <param name="acceptsDisks">A managed disk id is a source too (New-VmFromImage: the disk is attached as one VM's OS disk).</param>
        public DeploySourceResolver(OperationRun run, IGalleryGateway galleries, bool acceptsDisks = false)
        {
            _run = run;
            _galleries = galleries;
            _acceptsDisks = acceptsDisks;
        }

        private IAzureGateway Azure => _run.Gateway;

        public async Task<DeploySource> ReadAsync(ResourceReference? sourceReference, string subscriptionId, TimeSpan timeout)
        {
            var reference = sourceReference ?? new ResourceReference();
            var id = reference.ResourceId?.Trim();
            if (GalleryIds.TryParseVersion(id, out var versionId))
            {
                var source = new DeploySource { Kind = DeploySourceKind.GalleryVersion, Id = versionId, Name = versionId.Name };
                var definition = await _run.StepAsync("reading the source version's definition", timeout,
                    ct => _galleries.GetDefinitionAsync(versionId.Parent!, ct)).ConfigureAwait(false);
                if (definition != null)
                {
                    Describe(source, definition);
                    source.Exists = true; // confirmed (or not) by reading the version itself
                }
                return source;
            }
            if (GalleryIds.TryParseDefinition(id, out var definitionId))
            {
                var source = new DeploySource { Kind = DeploySourceKind.GalleryDefinition, Id = definitionId, Name = definitionId.Name };
                var definition = await _run.StepAsync("reading the source definition", timeout, ct => _galleries.GetDefinitionAsync(source.Id, ct)).ConfigureAwait(false);
                if (definition != null)
                {
                    Describe(source, definition);
                    source.Exists = true;
                    source.Location = definition.Location;
                }
                return source;
            }

            if (_acceptsDisks && ArmId.ParseOrNull(id) is ArmId diskId && diskId.IsType(ArmId.Disks))
                return await ReadDiskAsync(diskId, timeout).ConfigureAwait(false);

            var armId = ArmId.Resolve(reference, subscriptionId, ArmId.Images, ArmId.Images);
            var result = new DeploySource { Kind = DeploySourceKind.ManagedImage, Id = armId, Name = armId.Name };
            var image = await _run.StepAsync("reading the source image", timeout, ct => Azure.GetImageAsync(armId, ct)).ConfigureAwait(false);
            if (image == null)
                return result;
            result.Exists = true;
            result.Id = image.Id;
            result.Location = image.Location;
            result.OsType = image.OsType;
            result.OsState = image.OsState.Length > 0 ? image.OsState : "Generalized";
            result.HyperVGeneration = image.HyperVGeneration.Length > 0 ? image.HyperVGeneration : "V1";
            result.SecurityType = "Standard";
            if (string.Equals(image.ProvisioningState, "Succeeded", StringComparison.OrdinalIgnoreCase) || image.ProvisioningState.Length == 0)
                result.AvailableIn.Add(RegionNames.Normalize(image.Location));
            return result;
        }

        /// <summary>
        /// The source and the location the deployment goes to: the stated one, else the source's
        /// (for a gallery source, where its version is usable; for a managed image, its own region).
        /// </summary>
        public async Task<(DeploySource Source, string Location)> ReadForLocationAsync(ResourceReference? reference, string? statedLocation, string subscriptionId, TimeSpan timeout)
        {
            var source = await ReadAsync(reference, subscriptionId, timeout).ConfigureAwait(false);
            var location = RegionNames.Normalize(string.IsNullOrWhiteSpace(statedLocation) ? source.Location : statedLocation!.Trim());
            if (source.Exists && (source.Kind == DeploySourceKind.GalleryVersion || source.Kind == DeploySourceKind.GalleryDefinition))
                location = await ResolveGalleryAsync(source, location, timeout).ConfigureAwait(false);
            else if (source.Exists && RegionNames.Same(source.Location, location))
                source.ImageId = source.Id;
            return (source, location);
        }

        /// <summary>A managed disk: its OS type and generation, and the OS state Import-Vhd declared on it (a disk without one is a VM's copy: specialized).</summary>
        private async Task<DeploySource> ReadDiskAsync(ArmId diskId, TimeSpan timeout)
        {
            var source = new DeploySource { Kind = DeploySourceKind.ManagedDisk, Id = diskId, Name = diskId.Name };
            var disk = await _run.StepAsync("reading the source disk", timeout, ct => Azure.GetDiskAsync(diskId, ct)).ConfigureAwait(false);
            if (disk == null)
                return source;
            var declared = Rules.Import.DeclaredOsState.Read(disk.Tags);
            source.Exists = true;
            source.Disk = disk;
            source.Id = disk.Id;
            source.Location = disk.Location;
            source.OsType = disk.OsType;
            source.OsState = declared.Length > 0 ? declared : "Specialized";
            source.HyperVGeneration = disk.HyperVGeneration.Length > 0 ? disk.HyperVGeneration : "V1";
            source.SecurityType = "Standard";
            source.AvailableIn.Add(RegionNames.Normalize(disk.Location));
            return source;
        }

        private static void Describe(DeploySource source, GalleryDefinitionState definition)
        {
            source.OsType = definition.OsType;
            source.OsState = definition.OsState.Length > 0 ? definition.OsState : "Generalized";
            source.HyperVGeneration = definition.HyperVGeneration;
            source.SecurityType = definition.SecurityType;
        }

        /// <summary>
        /// A version: where its replicas have Completed. A definition: the highest version not
        /// excluded from latest, Succeeded and Completed in the target location (read with
        /// $expand=ReplicationStatus from the highest down, stopping at the first that fits).
        /// </summary>
        /// <returns>The target location: the given one, else the version's or the definition's region.</returns>
        public async Task<string> ResolveGalleryAsync(DeploySource source, string location, TimeSpan timeout)
        {
            if (source.Kind == DeploySourceKind.GalleryVersion)
            {
                var version = await _run.StepAsync("reading the source version and its replication", timeout,
                    ct => _galleries.GetVersionAsync(source.Id, replicationStatus: true, ct)).ConfigureAwait(false);
                if (version == null)
                {
                    source.Exists = false;
                    return location;
                }
                source.Exists = true;
                source.Id = version.Id;
                source.Location = version.Location;
                if (location.Length == 0)
                    location = RegionNames.Normalize(version.Location);
                if (string.Equals(version.ProvisioningState, "Succeeded", StringComparison.OrdinalIgnoreCase))
                    source.AvailableIn.AddRange(CompletedRegions(version, forLatest: false));
                if (source.AvailableIn.Contains(location))
                    source.ImageId = source.Id;
                return location;
            }

            var versions = await _run.StepAsync("listing the definition's versions", timeout, ct => _galleries.ListVersionsAsync(source.Id, ct)).ConfigureAwait(false);
            var ordered = versions
                .Select(v => (Version: v, Ok: GalleryVersionNumber.TryParse(v.Name, out var number), Number: number))
                .Where(v => v.Ok)
                .OrderByDescending(v => v.Number)
                .Select(v => v.Version)
                .ToList();
            foreach (var candidate in ordered)
            {
                if (source.ImageId != null)
                {
                    source.Considered.Add((candidate.Name, "is older than the chosen version"));
                    continue;
                }
                if (candidate.ExcludeFromLatest)
                {
                    source.Considered.Add((candidate.Name, "is excluded from latest"));
                    continue;
                }
                if (!string.Equals(candidate.ProvisioningState, "Succeeded", StringComparison.OrdinalIgnoreCase))
                {
                    source.Considered.Add((candidate.Name, $"is {(candidate.ProvisioningState.Length > 0 ? candidate.ProvisioningState : "not provisioned")}"));
                    continue;
                }
                var read = await _run.StepAsync($"reading the replication of version '{candidate.Name}'", timeout,
                    ct => _galleries.GetVersionAsync(candidate.Id, replicationStatus: true, ct)).ConfigureAwait(false) ?? candidate;
                var completed = CompletedRegions(read, forLatest: true);
                foreach (var region in completed.Where(r => !source.AvailableIn.Contains(r)))
                    source.AvailableIn.Add(region);
                if (completed.Contains(location))
                {
                    source.ImageId = read.Id;
                    source.Considered.Add((candidate.Name, ""));
                    continue;
                }
                var listed = read.Regions.FirstOrDefault(r => RegionNames.Same(r.Name, location));
                source.Considered.Add((candidate.Name, listed == null
                    ? $"is not replicated to '{location}' (completed in: {(completed.Count > 0 ? string.Join(", ", completed) : "none")})"
                    : listed.ExcludeFromLatest ? $"is excluded from latest in '{location}'"
                    : $"is still replicating to '{location}' ({(listed.State.Length > 0 ? listed.State : "Unknown")})"));
            }
            return location;
        }

        private static List<string> CompletedRegions(GalleryVersionState version, bool forLatest) =>
            version.Regions
                .Where(r => string.Equals(r.State, "Completed", StringComparison.OrdinalIgnoreCase) && !(forLatest && r.ExcludeFromLatest))
                .Select(r => RegionNames.Normalize(r.Name))
                .Distinct()
                .ToList();
    }
}
