using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Validation;

namespace ImageTools.Engine.Operations.GalleryVersions
{
    /// <summary>
    /// A gallery image definition and all its versions, each read with its replication status, and
    /// which version `latest` resolves to in each region: what the version cmdlets read before deciding.
    /// </summary>
    internal sealed class DefinitionVersions
    {
        private DefinitionVersions(ArmId definitionId, GalleryDefinitionState? definition, IReadOnlyList<GalleryVersionState> versions)
        {
            DefinitionId = definitionId;
            Definition = definition;
            Versions = versions;
            LatestIn = LatestResolution.RegionsPerVersion(versions);
        }

        public ArmId DefinitionId { get; }

        /// <summary>Null when the gallery or the definition does not exist.</summary>
        public GalleryDefinitionState? Definition { get; }

        /// <summary>Highest version number first; names that are not version numbers last.</summary>
        public IReadOnlyList<GalleryVersionState> Versions { get; }

        /// <summary>Version name → the regions where `latest` resolves to it (none: not latest anywhere).</summary>
        public IReadOnlyDictionary<string, IReadOnlyList<string>> LatestIn { get; }

        public string GalleryName => DefinitionId.Parent?.Name ?? "";
        public string DefinitionName => DefinitionId.Name;

        public GalleryVersionState? Find(string name) =>
            Versions.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase));

        public IReadOnlyList<string> RegionsWhereLatest(string versionName) =>
            LatestIn.TryGetValue(versionName, out var regions) ? regions : Array.Empty<string>();

        public bool IsLatest(string versionName) => RegionsWhereLatest(versionName).Count > 0;

        /// <summary>One GET of the definition, one list of its versions, one GET per version with its replication status.</summary>
        public static async Task<DefinitionVersions> ReadAsync(OperationRun run, IGalleryGateway galleries, ArmId definitionId)
        {
            var timeout = run.Options.OperationTimeout;
            var definition = await run.StepAsync("reading the image definition", timeout, ct => galleries.GetDefinitionAsync(definitionId, ct)).ConfigureAwait(false);
            if (definition == null)
                return new DefinitionVersions(definitionId, null, Array.Empty<GalleryVersionState>());
            var listed = await run.StepAsync("listing the definition's versions", timeout, ct => galleries.ListVersionsAsync(definitionId, ct)).ConfigureAwait(false);
            var versions = new List<GalleryVersionState>();
            foreach (var version in listed)
            {
                var read = await run.StepAsync($"reading the replication of version '{version.Name}'", timeout,
                    ct => galleries.GetVersionAsync(version.Id, replicationStatus: true, ct)).ConfigureAwait(false);
                if (read != null)
                    versions.Add(read);
            }
            return new DefinitionVersions(definitionId, definition, Ordered(versions));
        }

        private static IReadOnlyList<GalleryVersionState> Ordered(IEnumerable<GalleryVersionState> versions) =>
            versions.Select(v => (Version: v, Ok: GalleryVersionNumber.TryParse(v.Name, out var number), Number: number))
                .OrderByDescending(x => x.Ok).ThenByDescending(x => x.Number).Select(x => x.Version).ToList();
    }
}
