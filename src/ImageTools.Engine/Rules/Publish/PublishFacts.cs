using System;
using System.Collections.Generic;
using System.Linq;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Operations;
using ImageTools.Engine.Requests;
using ImageTools.Engine.Rules.Capture;

namespace ImageTools.Engine.Rules.Publish
{
    /// <summary>
    /// What Publish-GalleryVersion's rules read: the request, the source (one GET), the gallery,
    /// the definition and its versions (one list), all read before any write.
    /// </summary>
    internal sealed class PublishFacts
    {
        public static readonly string[] StorageAccountTypes = { "Standard_LRS", "Standard_ZRS", "Premium_LRS" };
        public const int MaxReplicas = 100;

        public PublishFacts(PublishRequest request, SourceRecord source, ArmId galleryId, string galleryName, string definitionName,
            GalleryState? gallery, GalleryDefinitionState? definition, IReadOnlyList<GalleryVersionState> versions, DateTimeOffset now,
            AvailableRegions? available = null)
        {
            Available = available;
            Request = request;
            Source = source;
            GalleryId = galleryId;
            GalleryName = galleryName;
            DefinitionName = definitionName;
            Gallery = gallery;
            Definition = definition;
            Versions = versions;
            Now = now;
            DefinitionId = GalleryIds.Definition(galleryId, definitionName);
            ResolveVersion();
            Regions = PlanRegions(out var added);
            SourceRegionAdded = added;
        }

        public PublishRequest Request { get; }
        public SourceRecord Source { get; }
        public ArmId GalleryId { get; }
        public string GalleryName { get; }
        public string DefinitionName { get; }
        public ArmId DefinitionId { get; }
        public GalleryState? Gallery { get; }
        public GalleryDefinitionState? Definition { get; }
        public IReadOnlyList<GalleryVersionState> Versions { get; }
        public DateTimeOffset Now { get; }

        /// <summary>False when the gallery is to be created in a resource group that does not exist.</summary>
        public bool GalleryGroupExists { get; set; } = true;

        /// <summary>The gallery's image definitions (one list, read when the gallery exists): the publisher/offer/SKU triples taken.</summary>
        public IReadOnlyList<GalleryDefinitionState> GalleryDefinitions { get; set; } = Array.Empty<GalleryDefinitionState>();

        /// <summary>Where a version can be placed (the subscription's locations offering gallery image versions); null when not read.</summary>
        public AvailableRegions? Available { get; }

        public bool IsAutoVersion => string.Equals(Request.Version?.Trim(), "auto", StringComparison.OrdinalIgnoreCase) || string.IsNullOrWhiteSpace(Request.Version);

        /// <summary>The version name to publish; null when -Version is invalid or "auto" overflowed.</summary>
        public string? VersionName { get; private set; }

        /// <summary>For "auto": the highest existing version (what overflowed when VersionName is null).</summary>
        public string? HighestVersion { get; private set; }

        /// <summary>The version of that name (or, for "auto", the one already made from this source), if any.</summary>
        public GalleryVersionState? ExistingVersion { get; private set; }

        public ArmId VersionId => GalleryIds.Version(DefinitionId, VersionName ?? Request.Version ?? "");

        /// <summary>Target regions as they will be requested (source region included).</summary>
        public IReadOnlyList<PlannedRegion> Regions { get; }

        /// <summary>True when the source's region was not among -TargetRegion and was added.</summary>
        public bool SourceRegionAdded { get; }

        /// <summary>The location the gallery, the definition and the version live in: the gallery's when it exists, else -Location, else the source's.</summary>
        public string TargetLocation =>
            Gallery?.Location ?? (!string.IsNullOrWhiteSpace(Request.Location) ? RegionNames.Normalize(Request.Location) : Source.Location);

        // ---- the definition's properties: the existing definition's, else stated, else the source's ----

        public string TargetOsType => Definition?.OsType ?? Stated(Request.OsType) ?? Source.OsType;
        /// <summary>
        /// The existing definition's state, else -OsState, else the source's; empty for a disk or
        /// snapshot that does not say (PublishOsStateRequired refuses then, rather than guess).
        /// </summary>
        public string TargetOsState => Definition?.OsState ?? Stated(Request.OsState) ?? (Source.OsState.Length > 0 || Source.IsDisk ? Source.OsState : "Generalized");
        public string TargetHyperVGeneration => Definition?.HyperVGeneration ??
            (Stated(Request.HyperVGeneration) is string g ? CaptureFacts.Normalize(g) : Source.HyperVGeneration.Length > 0 ? Source.HyperVGeneration : "V1");
        public string TargetSecurityType => Definition?.SecurityType ?? Stated(Request.SecurityType) ?? Source.SecurityType;

        public static string? Stated(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();

        private void ResolveVersion()
        {
            if (IsAutoVersion)
            {
                // A rerun converges: the version already made from this source is the answer.
                ExistingVersion = Versions
                    .Where(v => ArmId.SameId(v.SourceId, Source.Id) && Validation.GalleryVersionNumber.TryParse(v.Name, out _))
                    .OrderByDescending(v => { Validation.GalleryVersionNumber.TryParse(v.Name, out var n); return n; })
                    .FirstOrDefault();
                if (ExistingVersion != null)
                {
                    VersionName = ExistingVersion.Name;
                    return;
                }
                if (Validation.GalleryVersionNumber.TryNextAfter(Versions.Select(v => v.Name), out var next, out var highest))
                    VersionName = next.ToString();
                HighestVersion = highest?.ToString();
                return;
            }
            var text = Request.Version!.Trim();
            if (!Validation.GalleryVersionNumber.TryParse(text, out _))
                return;
            VersionName = text;
            ExistingVersion = Versions.FirstOrDefault(v => v.Name == text);
        }

        private List<PlannedRegion> PlanRegions(out bool added)
        {
            var regions = (Request.TargetRegions ?? new List<TargetRegionRequest>())
                .Select(r => new PlannedRegion
                {
                    Name = RegionNames.Normalize(r.Name),
                    ReplicaCount = r.ReplicaCount ?? Request.ReplicaCount ?? 1,
                    StorageAccountType = Stated(r.StorageAccountType) ?? Stated(Request.StorageAccountType) ?? "",
                    ExcludeFromLatest = r.ExcludeFromLatest ?? false,
                }).ToList();
            var home = RegionNames.Normalize(TargetLocation);
            added = home.Length > 0 && !regions.Any(r => r.Name == home);
            if (added)
                regions.Insert(0, new PlannedRegion
                {
                    Name = home,
                    ReplicaCount = Request.ReplicaCount ?? 1,
                    StorageAccountType = Stated(Request.StorageAccountType) ?? "",
                });
            return regions;
        }
    }
}
