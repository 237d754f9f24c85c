using System;
using System.Collections.Generic;
using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Operations.GalleryVersions;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Rules.Publish;

namespace ImageTools.Engine.Rules.UpdateVersion
{
    /// <summary>
    /// What Update-GalleryVersion's rules read: the version (with its replication), the definition's
    /// other versions, where versions can be placed when regions are added, and the target region
    /// list the update would leave.
    /// </summary>
    internal sealed class UpdateVersionFacts
    {
        public const int MaxReplicas = PublishFacts.MaxReplicas;
        public static readonly string[] StorageAccountTypes = PublishFacts.StorageAccountTypes;

        public UpdateVersionFacts(UpdateVersionRequest request, DefinitionVersions listing, string versionName, AvailableRegions? available, DateTimeOffset now)
        {
            Request = request;
            Listing = listing;
            VersionName = versionName;
            Version = listing.Find(versionName);
            Available = available;
            Now = now;
            Adds = request.AddRegions ?? new List<TargetRegionRequest>();
            Removes = (request.RemoveRegions ?? new string[0]).Where(r => !string.IsNullOrWhiteSpace(r)).Select(RegionNames.Normalize).Distinct().ToArray();
            if (Version != null)
                Plan(Version);
        }

        public UpdateVersionRequest Request { get; }
        public DefinitionVersions Listing { get; }
        public string VersionName { get; }
        public ArmId VersionId => GalleryIds.Version(Listing.DefinitionId, VersionName);

        /// <summary>Null when the version (or its definition) does not exist.</summary>
        public GalleryVersionState? Version { get; }

        /// <summary>Where a version can be placed (as Publish-GalleryVersion reads it); null when no region is added (not read).</summary>
        public AvailableRegions? Available { get; }
        public DateTimeOffset Now { get; }

        public IReadOnlyList<TargetRegionRequest> Adds { get; }

        /// <summary>Regions to remove, normalized (eastus).</summary>
        public string[] Removes { get; }

        /// <summary>The target regions after the update, in the version's order then the added ones.</summary>
        public List<GalleryRegionState> PlannedRegions { get; } = new List<GalleryRegionState>();
        public List<string> Added { get; } = new List<string>();
        public List<string> Changed { get; } = new List<string>();
        public List<string> Removed { get; } = new List<string>();

        public bool RegionsChange => Added.Count + Changed.Count + Removed.Count > 0;
        public bool EndOfLifeChanges => Request.EndOfLifeDate != null && Request.EndOfLifeDate != Version?.EndOfLifeDate;
        public bool ExcludeChanges => Request.ExcludeFromLatest != null && Request.ExcludeFromLatest != Version?.ExcludeFromLatest;
        public bool AnythingChanges => RegionsChange || EndOfLifeChanges || ExcludeChanges;

        private void Plan(GalleryVersionState version)
        {
            foreach (var region in version.Regions)
            {
                if (Removes.Contains(RegionNames.Normalize(region.Name)))
                {
                    Removed.Add(region.Name);
                    continue;
                }
                var planned = Copy(region);
                var add = Adds.FirstOrDefault(a => RegionNames.Same(a.Name, region.Name));
                if (add != null && Apply(planned, add))
                    Changed.Add(region.Name);
                PlannedRegions.Add(planned);
            }
            foreach (var add in Adds.Where(a => !version.Regions.Any(r => RegionNames.Same(r.Name, a.Name)))
                         .GroupBy(a => RegionNames.Normalize(a.Name)).Select(g => g.First()))
            {
                var planned = new GalleryRegionState { Name = RegionNames.Normalize(add.Name), ReplicaCount = 1 };
                Apply(planned, add);
                PlannedRegions.Add(planned);
                Added.Add(planned.Name);
            }
        }

        private static GalleryRegionState Copy(GalleryRegionState region) => new GalleryRegionState
        {
            Name = region.Name, ReplicaCount = region.ReplicaCount, StorageAccountType = region.StorageAccountType, ExcludeFromLatest = region.ExcludeFromLatest,
            State = region.State, Progress = region.Progress, Details = region.Details,
        };

        /// <summary>Applies an -AddRegion entry; true when it changes the region.</summary>
        private static bool Apply(GalleryRegionState region, TargetRegionRequest add)
        {
            var changed = false;
            if (add.ReplicaCount is int count && count != region.ReplicaCount)
            {
                region.ReplicaCount = count;
                changed = true;
            }
            if (!string.IsNullOrWhiteSpace(add.StorageAccountType) && !string.Equals(add.StorageAccountType!.Trim(), region.StorageAccountType, StringComparison.OrdinalIgnoreCase))
            {
                region.StorageAccountType = StorageAccountTypes.FirstOrDefault(t => string.Equals(t, add.StorageAccountType!.Trim(), StringComparison.OrdinalIgnoreCase)) ?? add.StorageAccountType!.Trim();
                changed = true;
            }
            if (add.ExcludeFromLatest is bool exclude && exclude != region.ExcludeFromLatest)
            {
                region.ExcludeFromLatest = exclude;
                changed = true;
            }
            return changed;
        }
    }
}
